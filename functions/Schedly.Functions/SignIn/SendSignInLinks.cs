using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.AzureStorage.Queues;
using Schedly.Core.SignIn;

namespace Schedly.Functions.SignIn;

/// <summary>
/// Queue <c>sign-in-links</c>: emails a sign-in link to the host with the message's email key (see
/// <see cref="SendSignInLink"/>), or nothing when no host has it. A failed send throws, so the queue retries it and
/// finally moves it to <c>sign-in-links-poison</c>.
/// </summary>
public sealed partial class SendSignInLinks(SendSignInLink send, ILogger<SendSignInLinks> logger)
{
    [Function(nameof(SendSignInLinks))]
    public async Task Run([QueueTrigger(SchedlyQueues.SignInLinks)] string message, CancellationToken cancellationToken)
    {
        var key = QueueSignInLinkRequests.Parse(message)
            ?? throw new FormatException("The sign-in-links message carries no email key.");
        var outcome = await send.ExecuteAsync(key, cancellationToken).ConfigureAwait(false);
        LogOutcome(logger, outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in link request: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, SignInLinkOutcome outcome);
}
