using Schedly.Core.Validation;

namespace Schedly.Email;

/// <summary>Which adapter sends email.</summary>
public enum EmailProvider
{
    /// <summary>Write <c>.eml</c> files into a folder (the local default).</summary>
    PickupFolder,

    /// <summary>An SMTP server (MailKit).</summary>
    Smtp,

    /// <summary>Azure Communication Services Email over REST.</summary>
    AzureCommunicationServices,
}

/// <summary>
/// Email configuration, bound from <c>Schedly:Email</c> (app settings <c>Schedly__Email__*</c>; see docs/EMAIL.md).
/// Plain settable properties so the options pattern can bind them; <see cref="Validate"/> lists what is wrong (the app
/// runs it at start-up), and <see cref="EmailSenderFactory.Create"/> refuses invalid options too.
/// </summary>
public sealed class EmailOptions : IValidatableOptions
{
    public const string SectionName = "Schedly:Email";

    /// <summary>Default: <see cref="EmailProvider.PickupFolder"/>.</summary>
    public EmailProvider Provider { get; set; } = EmailProvider.PickupFolder;

    /// <summary>
    /// The sender address of every email (for ACS: the verified MailFrom address of the connected domain).
    /// Default <c>no-reply@schedly.local</c>.
    /// </summary>
    public string FromAddress { get; set; } = "no-reply@schedly.local";

    /// <summary>
    /// The sender's display name (SMTP and pickup folder; ACS takes it from the MailFrom settings in Azure). One line;
    /// default <c>Schedly</c>.
    /// </summary>
    public string FromName { get; set; } = "Schedly";

    /// <summary>Folder for <see cref="EmailProvider.PickupFolder"/>: absolute, or relative to the app root. Default <c>.schedly/mail</c>.</summary>
    public string PickupFolder { get; set; } = ".schedly/mail";

    /// <summary><c>Schedly:Email:Smtp</c>: checked only when <see cref="Provider"/> is <see cref="EmailProvider.Smtp"/>.</summary>
    public SmtpEmailOptions Smtp { get; set; } = new();

    /// <summary>
    /// <c>Schedly:Email:AzureCommunicationServices</c>: checked only when <see cref="Provider"/> is
    /// <see cref="EmailProvider.AzureCommunicationServices"/>.
    /// </summary>
    public AcsEmailOptions AzureCommunicationServices { get; set; } = new();

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Provider))
        {
            errors.Add($"{SectionName}:Provider must be PickupFolder, Smtp or AzureCommunicationServices.");
        }

        if (string.IsNullOrWhiteSpace(FromAddress) || !Schedly.Core.Validation.EmailAddressRules.IsValid(FromAddress.Trim()))
        {
            errors.Add($"{SectionName}:FromAddress must be an email address such as no-reply@example.com.");
        }

        if (FromName is null || Schedly.Core.Validation.TextRules.HasForbiddenControlCharacters(FromName, multiLine: false))
        {
            errors.Add($"{SectionName}:FromName must be a single line of text.");
        }

        switch (Provider)
        {
            case EmailProvider.PickupFolder when string.IsNullOrWhiteSpace(PickupFolder):
                errors.Add($"{SectionName}:PickupFolder must name a folder (absolute, or relative to the app root).");
                break;
            case EmailProvider.Smtp:
                errors.AddRange((Smtp ?? new SmtpEmailOptions { Host = "" }).Validate($"{SectionName}:Smtp"));
                break;
            case EmailProvider.AzureCommunicationServices:
                errors.AddRange((AzureCommunicationServices ?? new AcsEmailOptions()).Validate($"{SectionName}:AzureCommunicationServices"));
                break;
            default:
                break;
        }

        return errors;
    }
}

/// <summary>SMTP settings (<c>Schedly:Email:Smtp</c>).</summary>
public sealed class SmtpEmailOptions
{
    /// <summary>The SMTP server's host name. No default: required when the provider is SMTP.</summary>
    public string Host { get; set; } = "";

    /// <summary>Default 587 (submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Default <see cref="SmtpSecurity.StartTls"/>; <see cref="SmtpSecurity.None"/> only for local relays.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Null or empty: no authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>Only with <see cref="UserName"/>. Default none.</summary>
    public string? Password { get; set; }

    /// <summary>Per-operation timeout in seconds, 1 to 600; default 30.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Every problem, each message starting with <paramref name="prefix"/>:Key (<c>Schedly:Email:Smtp</c>).</summary>
    public IReadOnlyList<string> Validate(string prefix)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add($"{prefix}:Host is required (the SMTP server's host name).");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add($"{prefix}:Port must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(Security))
        {
            errors.Add($"{prefix}:Security must be None, StartTls or SslOnConnect.");
        }

        if (string.IsNullOrEmpty(UserName) && !string.IsNullOrEmpty(Password))
        {
            errors.Add($"{prefix}:Password is set without {prefix}:UserName.");
        }

        if (TimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"{prefix}:TimeoutSeconds must be between 1 and 600.");
        }

        return errors;
    }
}

/// <summary>
/// Azure Communication Services settings (<c>Schedly:Email:AzureCommunicationServices</c>). Authenticate with Entra ID
/// (the default: DefaultAzureCredential, a user-assigned managed identity when <see cref="ClientId"/> is set) or, when
/// <see cref="AccessKey"/> or a <see cref="ConnectionString"/> with an access key is given, with an HMAC-signed key.
/// </summary>
public sealed class AcsEmailOptions
{
    /// <summary><c>https://&lt;resource&gt;.communication.azure.com</c>; may come from <see cref="ConnectionString"/> instead.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>endpoint=https://…;accesskey=…</c> as the portal shows it; an alternative to Endpoint + AccessKey.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Base64 access key of the Communication Services resource. Null: Entra ID.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity; null: DefaultAzureCredential's own choice.</summary>
    public string? ClientId { get; set; }

    /// <summary>Overrides <see cref="EmailOptions.FromAddress"/> as the ACS senderAddress (the MailFrom address).</summary>
    public string? SenderAddress { get; set; }

    /// <summary>Retries of 408, 429 and 5xx within one send (Retry-After honoured), 0 to 10. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay in seconds without a Retry-After, in (0, 60]; doubles up to <see cref="MaxRetryDelaySeconds"/>. Default 1.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>The longest retry delay in seconds, from <see cref="RetryDelaySeconds"/> to 300. Default 30.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 30;

    /// <summary>Allow an <c>http://</c> endpoint: for tests against a local fake only. Default false.</summary>
    public bool AllowInsecureEndpoint { get; set; }

    /// <summary>The endpoint and access key after applying <see cref="ConnectionString"/>.</summary>
    public (Uri? Endpoint, string? AccessKey) Resolve()
    {
        var endpoint = Endpoint;
        var key = AccessKey;
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            foreach (var pair in ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    continue;
                }

                var name = pair[..equals].Trim();
                var value = pair[(equals + 1)..].Trim();
                if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
                {
                    endpoint ??= value;
                }
                else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
                {
                    key ??= value;
                }
            }
        }

        return (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : null, string.IsNullOrWhiteSpace(key) ? null : key);
    }

    /// <summary>Every problem, each message starting with <paramref name="prefix"/>:Key (<c>Schedly:Email:AzureCommunicationServices</c>).</summary>
    public IReadOnlyList<string> Validate(string prefix)
    {
        var errors = new List<string>();
        var (endpoint, key) = Resolve();
        if (endpoint is null)
        {
            errors.Add($"{prefix}:Endpoint is required: https://<resource>.communication.azure.com (or set {prefix}:ConnectionString).");
        }
        else if (endpoint.Scheme != Uri.UriSchemeHttps && !(AllowInsecureEndpoint && endpoint.Scheme == Uri.UriSchemeHttp))
        {
            errors.Add($"{prefix}:Endpoint must be an https URL.");
        }

        if (key is not null && !IsBase64(key))
        {
            errors.Add($"{prefix}:AccessKey must be the base64 key shown in the portal (Keys blade).");
        }

        if (key is not null && !string.IsNullOrWhiteSpace(ClientId))
        {
            errors.Add($"{prefix}:ClientId must be empty when an access key is set: authenticate with {prefix}:AccessKey (HMAC) or a managed identity, not both.");
        }

        if (SenderAddress is not null && !Schedly.Core.Validation.EmailAddressRules.IsValid(SenderAddress))
        {
            errors.Add($"{prefix}:SenderAddress must be an email address (the MailFrom address of the connected domain).");
        }

        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"{prefix}:MaxRetries must be between 0 and 10.");
        }

        if (RetryDelaySeconds is <= 0 or > 60 || double.IsNaN(RetryDelaySeconds))
        {
            errors.Add($"{prefix}:RetryDelaySeconds must be more than 0 and at most 60.");
        }

        if (!(MaxRetryDelaySeconds >= RetryDelaySeconds && MaxRetryDelaySeconds <= 300))
        {
            errors.Add($"{prefix}:MaxRetryDelaySeconds must be at least {prefix}:RetryDelaySeconds and at most 300.");
        }

        return errors;
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written > 0;
    }
}
