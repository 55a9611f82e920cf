using Azure.Core;
using Azure.Core.Pipeline;
using Schedly.Core.Notifications;

namespace Schedly.Email;

/// <summary>Chooses and builds the <see cref="IEmailSender"/> that <see cref="EmailOptions.Provider"/> names.</summary>
public static class EmailSenderFactory
{
    /// <summary>
    /// Builds the sender. Throws <see cref="InvalidOperationException"/> listing every configuration problem when the
    /// options are invalid, so a misconfigured app fails at start-up rather than at the first email.
    /// </summary>
    /// <param name="options">Bound from <c>Schedly:Email</c>.</param>
    /// <param name="appRoot">The folder a relative <see cref="EmailOptions.PickupFolder"/> is resolved against.</param>
    /// <param name="time">Clock for Date headers and signatures; default the system clock.</param>
    /// <param name="credential">For ACS with Entra ID: a credential to use instead of DefaultAzureCredential.</param>
    /// <param name="transport">For ACS: an HTTP transport to use instead of the default (tests).</param>
    public static IEmailSender Create(
        EmailOptions options,
        string appRoot,
        TimeProvider? time = null,
        TokenCredential? credential = null,
        HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(appRoot);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Email configuration is invalid: " + string.Join(" ", errors));
        }

        var builder = new MimeMessageBuilder(time);
        return options.Provider switch
        {
            EmailProvider.Smtp => new SmtpEmailSender(options.Smtp, builder),
            EmailProvider.AzureCommunicationServices when credential is not null && options.AzureCommunicationServices.Resolve().AccessKey is null =>
                new AcsEmailSender(options.AzureCommunicationServices, credential, transport, time),
            EmailProvider.AzureCommunicationServices => new AcsEmailSender(options.AzureCommunicationServices, transport, time),
            _ => new PickupFolderEmailSender(ResolveFolder(options.PickupFolder, appRoot), builder),
        };
    }

    /// <summary>The sender address every email carries, from <see cref="EmailOptions.FromAddress"/> and <see cref="EmailOptions.FromName"/>.</summary>
    public static EmailAddress From(EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EmailAddress(options.FromAddress.Trim(), options.FromName);
    }

    /// <summary>An absolute <paramref name="folder"/> as is; a relative one under <paramref name="appRoot"/>.</summary>
    public static string ResolveFolder(string folder, string appRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(appRoot);
        return Path.GetFullPath(Path.IsPathRooted(folder) ? folder : Path.Combine(appRoot, folder));
    }
}
