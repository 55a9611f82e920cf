using Schedly.AzureStorage.Connection;
using Schedly.Functions.Composition;

namespace Schedly.Deployment.Tests.Configuration;

/// <summary>The options classes of the Functions app and the storage connection: defaults, and every problem named by its key.</summary>
public sealed class FunctionsOptionsTests
{
    private static readonly string _secret = new('k', 32);

    public static TheoryData<string, Func<SecurityOptions>> BadSecurity => new()
    {
        { "Schedly:Security:OperatorKey", () => new SecurityOptions { OperatorKey = "", ManageTokenSecret = _secret } },
        { "Schedly:Security:OperatorKey", () => new SecurityOptions { OperatorKey = "short", ManageTokenSecret = _secret } },
        { "Schedly:Security:ManageTokenSecret", () => new SecurityOptions { OperatorKey = _secret, ManageTokenSecret = "  " } },
        { "Schedly:Security:ManageTokenSecret", () => new SecurityOptions { OperatorKey = _secret, ManageTokenSecret = "short" } },
    };

    public static TheoryData<string, Func<StorageConnectionSettings>> BadStorage => new()
    {
        { "AzureWebJobsStorage", () => new StorageConnectionSettings() },
        { "AzureWebJobsStorage", () => new StorageConnectionSettings { ConnectionString = "just-a-name" } },
        { "AzureWebJobsStorage", () => new StorageConnectionSettings { TableServiceUri = new Uri("https://t.example.net") } },
        { "AzureWebJobsStorage:accountName", () => new StorageConnectionSettings { AccountName = "Not_An_Account" } },
        { "AzureWebJobsStorage:tableServiceUri", () => new StorageConnectionSettings { AccountName = "stschedly", TableServiceUri = new Uri("http://tables.example.net") } },
        { "AzureWebJobsStorage:queueServiceUri", () => new StorageConnectionSettings { AccountName = "stschedly", QueueServiceUri = new Uri("queues", UriKind.Relative) } },
        { "AzureWebJobsStorage:clientId", () => new StorageConnectionSettings { AccountName = "stschedly", ClientId = "not-a-guid" } },
    };

    [Fact]
    public void SecurityOptions_Defaults_NameBothRequiredKeys()
    {
        var errors = new SecurityOptions().Validate();

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Schedly:Security:OperatorKey is required", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Schedly:Security:ManageTokenSecret is required", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityOptions_LongEnoughSecrets_HaveNoProblems()
    {
        Assert.Empty(new SecurityOptions { OperatorKey = _secret, ManageTokenSecret = _secret }.Validate());
    }

    [Theory]
    [MemberData(nameof(BadSecurity))]
    public void SecurityOptions_OneBadValue_OneMessageNamingItsKey(string key, Func<SecurityOptions> options)
    {
        var error = Assert.Single(options().Validate());

        Assert.StartsWith(key + " ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityOptions_ShortSecrets_AreNotEchoed()
    {
        var errors = new SecurityOptions { OperatorKey = "short-operator", ManageTokenSecret = "short-manage" }.Validate();

        Assert.Equal(2, errors.Count);
        Assert.DoesNotContain(errors, e => e.Contains("short-operator", StringComparison.Ordinal) || e.Contains("short-manage", StringComparison.Ordinal));
    }

    [Fact]
    public void PublicUrlOptions_DefaultAndBlank_AreTheLocalRunner()
    {
        Assert.Empty(new PublicUrlOptions().Validate());
        Assert.Empty(new PublicUrlOptions { PublicBaseUrl = " " }.Validate());
        Assert.Equal(new Uri("http://127.0.0.1:7071"), new PublicUrlOptions { PublicBaseUrl = "" }.BaseUri);
    }

    [Theory]
    [InlineData("bookings.example.com")]
    [InlineData("ftp://bookings.example.com")]
    public void PublicUrlOptions_NotAnHttpUrl_NamesTheKey(string value)
    {
        var error = Assert.Single(new PublicUrlOptions { PublicBaseUrl = value }.Validate());

        Assert.StartsWith("Schedly:PublicBaseUrl ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", null)]
    [InlineData(null, "stschedly")]
    public void StorageConnectionSettings_EitherForm_HasNoProblems(string? connectionString, string? accountName)
    {
        Assert.Empty(new StorageConnectionSettings { ConnectionString = connectionString, AccountName = accountName, ClientId = Guid.Empty.ToString() }.Validate());
    }

    [Fact]
    public void StorageConnectionSettings_BothServiceUris_NeedNoAccountName()
    {
        var settings = new StorageConnectionSettings
        {
            TableServiceUri = new Uri("https://tables.example.net"),
            QueueServiceUri = new Uri("http://127.0.0.1:10001/devstoreaccount1"),
        };

        Assert.Empty(settings.Validate());
    }

    [Theory]
    [MemberData(nameof(BadStorage))]
    public void StorageConnectionSettings_OneBadValue_OneMessageNamingItsKey(string key, Func<StorageConnectionSettings> settings)
    {
        var error = Assert.Single(settings().Validate());

        Assert.StartsWith(key + " ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageConnectionSettings_SeveralBadValues_ListsEveryProblem()
    {
        var settings = new StorageConnectionSettings
        {
            SettingName = "OtherStorage",
            AccountName = "X",
            TableServiceUri = new Uri("ftp://tables.example.net"),
            QueueServiceUri = new Uri("http://queues.example.net"),
            ClientId = "nope",
        };

        var errors = settings.Validate();

        Assert.Equal(
            ["OtherStorage:accountName", "OtherStorage:tableServiceUri", "OtherStorage:queueServiceUri", "OtherStorage:clientId"],
            errors.Select(e => e[..e.IndexOf(' ', StringComparison.Ordinal)]));
    }
}
