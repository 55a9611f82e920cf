using NodaTime;
using Schedly.Core.Validation;

namespace Schedly.Core.SignIn;

/// <summary>
/// Sign-in by email link, bound from <c>Schedly:SignIn</c> (app settings <c>Schedly__SignIn__*</c>; see
/// docs/SECURITY.md, "Sign-in by email link"). <see cref="Validate"/> runs at start-up.
/// </summary>
public sealed class SignInOptions : IValidatableOptions
{
    public const string Section = "Schedly:SignIn";

    /// <summary>How long an emailed link may be redeemed, in minutes (1 to 60). Default 15.</summary>
    public int LinkMinutes { get; set; } = 15;

    /// <summary>How long a session lasts after sign-in, in hours (1 to 2160, 90 days). Default 336 (14 days).</summary>
    public int SessionHours { get; set; } = 336;

    /// <summary>
    /// False (default): hosts join only by the operator's invitation. True: anyone may create a host at
    /// <c>POST /api/sign-up</c> and is emailed a sign-in link (setting <c>Schedly__SignIn__OpenSignUp</c>).
    /// </summary>
    public bool OpenSignUp { get; set; }

    public Duration LinkLifetime => Duration.FromMinutes(LinkMinutes);

    public Duration SessionLifetime => Duration.FromHours(SessionHours);

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (LinkMinutes is < 1 or > 60)
        {
            errors.Add($"{Section}:LinkMinutes must be from 1 to 60.");
        }

        if (SessionHours is < 1 or > 2160)
        {
            errors.Add($"{Section}:SessionHours must be from 1 to 2160.");
        }

        return errors;
    }
}
