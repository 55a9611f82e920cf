using Schedly.Core.Validation;

namespace Schedly.Core.Abuse;

/// <summary>
/// How much one client or one host may hold, bound from <c>Schedly:Caps</c> (app settings <c>Schedly__Caps__*</c>;
/// see docs/SECURITY.md, "Abuse"). Over a cap the answer is 409 <c>policy-violation</c> naming the cap.
/// <see cref="Validate"/> runs at start-up.
/// </summary>
public sealed class CapOptions : IValidatableOptions
{
    public const string Section = "Schedly:Caps";

    /// <summary>The largest <see cref="WebhooksPerHost"/> allowed: each booking event is delivered to every endpoint.</summary>
    public const int MaxWebhooksPerHost = 100;

    /// <summary>
    /// Confirmed bookings one client email address may hold with one host that have not started yet (emails compared
    /// ignoring case). 0 turns the cap off. Default 3.
    /// </summary>
    public int ActiveBookingsPerClient { get; set; } = 3;

    /// <summary>Webhook endpoints one host may register, from 1 to <see cref="MaxWebhooksPerHost"/>. Default 10.</summary>
    public int WebhooksPerHost { get; set; } = 10;

    /// <summary>No cap on bookings per client (the test host and load tools, which book many times with one address).</summary>
    public static CapOptions NoClientCap => new() { ActiveBookingsPerClient = 0 };

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ActiveBookingsPerClient is < 0 or > 10_000)
        {
            errors.Add($"{Section}:ActiveBookingsPerClient must be from 0 (no cap) to 10000.");
        }

        if (WebhooksPerHost is < 1 or > MaxWebhooksPerHost)
        {
            errors.Add($"{Section}:WebhooksPerHost must be from 1 to {MaxWebhooksPerHost}.");
        }

        return errors;
    }
}
