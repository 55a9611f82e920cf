namespace Schedly.Core.Notifications;

/// <summary>Where an email goes when it cannot be sent now: back to the <c>emails</c> queue later, or to its poison queue.</summary>
public interface IEmailRetryQueue
{
    /// <summary>Queues <paramref name="effect"/> again, invisible for <paramref name="delay"/>.</summary>
    Task DeferAsync(EmailEffect effect, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Moves <paramref name="effect"/> to <c>emails-poison</c>, where operators look for alert-worthy failures.</summary>
    Task PoisonAsync(EmailEffect effect, CancellationToken cancellationToken);
}
