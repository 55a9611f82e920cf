using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Schedly.Core.Notifications;
using Schedly.Email;
using Schedly.Functions.Composition;

namespace Schedly.Deployment.Tests.Configuration;

/// <summary>Defaults that must be right under the real Functions host (<c>func start</c>, Azure), checked on the app's own composition.</summary>
public sealed class FunctionsHostDefaultsTests
{
    [Fact]
    public void DefaultPickupFolder_IsOutsideTheAppsContentRoot()
    {
        // The Functions host watches the app's folder and restarts the app when a file appears in it.
        var appFolder = AppContext.BaseDirectory;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSchedlyNotifications().BuildServiceProvider();

        var sender = Assert.IsType<PickupFolderEmailSender>(provider.GetRequiredService<IEmailSender>());

        Assert.False(sender.Folder.StartsWith(Path.GetFullPath(appFolder), StringComparison.Ordinal), sender.Folder);
        Assert.False(sender.Folder.StartsWith(Path.GetFullPath(Directory.GetCurrentDirectory()), StringComparison.Ordinal), sender.Folder);
        Assert.StartsWith(Path.GetFullPath(Path.GetTempPath()), sender.Folder, StringComparison.Ordinal);
    }
}
