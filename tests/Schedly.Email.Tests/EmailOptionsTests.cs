using Schedly.Email;

namespace Schedly.Email.Tests;

/// <summary><see cref="EmailOptions.Validate"/>: every problem, each naming its configuration key.</summary>
public sealed class EmailOptionsTests
{
    private const string ValidAccessKey = "c2VjcmV0LWtleS1vZi10aGUtdGVzdHM=";

    public static TheoryData<string, Func<EmailOptions>> BadValues => new()
    {
        { "Schedly:Email:Provider", () => new EmailOptions { Provider = (EmailProvider)42 } },
        { "Schedly:Email:FromAddress", () => new EmailOptions { FromAddress = "not an address" } },
        { "Schedly:Email:FromName", () => new EmailOptions { FromName = "two\nlines" } },
        { "Schedly:Email:PickupFolder", () => new EmailOptions { PickupFolder = " " } },
        { "Schedly:Email:Smtp:Host", () => Smtp(smtp => smtp.Host = "") },
        { "Schedly:Email:Smtp:Port", () => Smtp(smtp => smtp.Port = 70000) },
        { "Schedly:Email:Smtp:Security", () => Smtp(smtp => smtp.Security = (SmtpSecurity)42) },
        { "Schedly:Email:Smtp:Password", () => Smtp(smtp => smtp.Password = "secret") },
        { "Schedly:Email:Smtp:TimeoutSeconds", () => Smtp(smtp => smtp.TimeoutSeconds = 0) },
        { "Schedly:Email:AzureCommunicationServices:Endpoint", () => Acs(acs => acs.Endpoint = "http://contoso.communication.azure.com") },
        { "Schedly:Email:AzureCommunicationServices:AccessKey", () => Acs(acs => acs.AccessKey = "%%%") },
        { "Schedly:Email:AzureCommunicationServices:ClientId", () => Acs(acs => (acs.AccessKey, acs.ClientId) = (ValidAccessKey, "00000000-0000-0000-0000-0000000000c1")) },
        { "Schedly:Email:AzureCommunicationServices:SenderAddress", () => Acs(acs => acs.SenderAddress = "nobody") },
        { "Schedly:Email:AzureCommunicationServices:MaxRetries", () => Acs(acs => acs.MaxRetries = 11) },
        { "Schedly:Email:AzureCommunicationServices:RetryDelaySeconds", () => Acs(acs => acs.RetryDelaySeconds = 0) },
        { "Schedly:Email:AzureCommunicationServices:MaxRetryDelaySeconds", () => Acs(acs => acs.MaxRetryDelaySeconds = 301) },
    };

    [Fact]
    public void Validate_Defaults_HaveNoProblems()
    {
        Assert.Empty(new EmailOptions().Validate());
    }

    [Fact]
    public void Validate_ValidSmtpAndAcs_HaveNoProblems()
    {
        Assert.Empty(Smtp(_ => { }).Validate());
        Assert.Empty(Acs(_ => { }).Validate());
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Validate_OneBadValue_OneMessageNamingItsKey(string key, Func<EmailOptions> options)
    {
        var errors = options().Validate();

        var error = Assert.Single(errors);
        Assert.StartsWith(key + " ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadValues_ListsEveryProblem()
    {
        var options = new EmailOptions
        {
            Provider = EmailProvider.Smtp,
            FromAddress = "",
            FromName = "a\rb",
            Smtp = { Host = "", Port = 0, TimeoutSeconds = 601 },
        };

        var errors = options.Validate();

        Assert.Equal(
            ["Schedly:Email:FromAddress", "Schedly:Email:FromName", "Schedly:Email:Smtp:Host", "Schedly:Email:Smtp:Port", "Schedly:Email:Smtp:TimeoutSeconds"],
            errors.Select(e => e[..e.IndexOf(' ', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Validate_SecretsInBadValues_AreNotEchoed()
    {
        var errors = Smtp(smtp => smtp.Password = "hunter2-secret").Validate();

        Assert.DoesNotContain(errors, e => e.Contains("hunter2-secret", StringComparison.Ordinal));
    }

    private static EmailOptions Smtp(Action<SmtpEmailOptions> change)
    {
        var options = new EmailOptions { Provider = EmailProvider.Smtp, Smtp = { Host = "smtp.example.com" } };
        change(options.Smtp);
        return options;
    }

    private static EmailOptions Acs(Action<AcsEmailOptions> change)
    {
        var options = new EmailOptions
        {
            Provider = EmailProvider.AzureCommunicationServices,
            AzureCommunicationServices = { Endpoint = "https://contoso.communication.azure.com" },
        };
        change(options.AzureCommunicationServices);
        return options;
    }
}
