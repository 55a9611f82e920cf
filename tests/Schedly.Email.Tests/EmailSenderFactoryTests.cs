namespace Schedly.Email.Tests;

public sealed class EmailSenderFactoryTests
{
    private const string AppRoot = "/srv/schedly";

    [Fact]
    public void Create_DefaultOptions_IsPickupFolderUnderAppRoot()
    {
        var sender = EmailSenderFactory.Create(new EmailOptions(), AppRoot);

        var pickup = Assert.IsType<PickupFolderEmailSender>(sender);
        Assert.Equal(Path.GetFullPath("/srv/schedly/.schedly/mail"), pickup.Folder);
    }

    [Fact]
    public void Create_AbsolutePickupFolder_IsUsedAsIs()
    {
        var folder = Path.Combine(Path.GetTempPath(), "schedly-abs");

        var sender = EmailSenderFactory.Create(new EmailOptions { PickupFolder = folder }, AppRoot);

        Assert.Equal(Path.GetFullPath(folder), Assert.IsType<PickupFolderEmailSender>(sender).Folder);
    }

    [Fact]
    public void Create_Smtp_IsSmtpSender()
    {
        var options = new EmailOptions { Provider = EmailProvider.Smtp, Smtp = { Host = "smtp.example.com" } };

        Assert.IsType<SmtpEmailSender>(EmailSenderFactory.Create(options, AppRoot));
    }

    [Fact]
    public void Create_AcsWithConnectionString_IsAcsSender()
    {
        var options = new EmailOptions
        {
            Provider = EmailProvider.AzureCommunicationServices,
            AzureCommunicationServices = { ConnectionString = "endpoint=https://contoso.communication.azure.com/;accesskey=cHc9PQ==" },
        };

        Assert.IsType<AcsEmailSender>(EmailSenderFactory.Create(options, AppRoot));
        Assert.Equal("cHc9PQ==", options.AzureCommunicationServices.Resolve().AccessKey);
    }

    [Fact]
    public void Create_AcsWithManagedIdentity_IsAcsSender()
    {
        var options = new EmailOptions
        {
            Provider = EmailProvider.AzureCommunicationServices,
            AzureCommunicationServices = { Endpoint = "https://contoso.communication.azure.com", ClientId = "00000000-0000-0000-0000-000000000001" },
        };

        Assert.IsType<AcsEmailSender>(EmailSenderFactory.Create(options, AppRoot));
    }

    [Fact]
    public void Create_SmtpWithoutHost_ThrowsNamingTheKey()
    {
        var options = new EmailOptions { Provider = EmailProvider.Smtp };

        var exception = Assert.Throws<InvalidOperationException>(() => EmailSenderFactory.Create(options, AppRoot));

        Assert.Contains("Schedly:Email:Smtp:Host", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AcsProblems_ListsEachWithItsKey()
    {
        var options = new EmailOptions
        {
            Provider = EmailProvider.AzureCommunicationServices,
            FromAddress = "not an address",
            AzureCommunicationServices = { Endpoint = "http://contoso.communication.azure.com", AccessKey = "%%%", ClientId = "x" },
        };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Schedly:Email:FromAddress", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Schedly:Email:AzureCommunicationServices:Endpoint must be an https URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Schedly:Email:AzureCommunicationServices:AccessKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("not both", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AcsWithoutEndpoint_AsksForEndpoint()
    {
        var errors = new EmailOptions { Provider = EmailProvider.AzureCommunicationServices }.Validate();

        Assert.Contains(errors, e => e.StartsWith("Schedly:Email:AzureCommunicationServices:Endpoint is required", StringComparison.Ordinal));
    }

    [Fact]
    public void From_Options_IsAddressWithDisplayName()
    {
        var from = EmailSenderFactory.From(new EmailOptions { FromAddress = "bookings@example.com", FromName = "Ada's bookings" });

        Assert.Equal("bookings@example.com", from.Address);
        Assert.Equal("Ada's bookings", from.DisplayName);
    }
}
