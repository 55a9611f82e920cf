using System.Text.RegularExpressions;
using Azure.Data.Tables;
using MimeKit;
using NodaTime;
using Schedly.AzureStorage.SignIn;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Core.SignIn;

namespace Schedly.Testing;

/// <summary>
/// The sign-in links a host received, read from the pickup folder (<c>signin.{host}.*.eml</c>) as the host's mail
/// client would show them; and links planted straight in storage, for states a test cannot wait for (an expired link).
/// </summary>
public static partial class SignInMailbox
{
    /// <summary>The sign-in emails of <paramref name="host"/> so far.</summary>
    public static string[] MailOf(string folder, string host) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, $"signin.{host}.*.eml") : [];

    /// <summary>Waits (up to 30 s) until <paramref name="host"/> has more than <paramref name="before"/> sign-in emails; returns the newest email's link.</summary>
    public static async Task<Uri> NextLinkAsync(string folder, string host, int before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (MailOf(folder, host).Length <= before)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No sign-in email for {host} within 30 s.");
            }

            await Task.Delay(200);
        }

        var newest = MailOf(folder, host).OrderBy(File.GetLastWriteTimeUtc).Last();
        var message = await MimeMessage.LoadAsync(newest);
        return new Uri(LinkPattern().Match(message.TextBody ?? "").Value);
    }

    /// <summary>The token in a link's <c>#signin=</c> fragment.</summary>
    public static string TokenOf(Uri link) => Uri.UnescapeDataString(link.Fragment[("#signin=".Length)..]);

    /// <summary>Stores a link for <paramref name="host"/> that expires at <paramref name="expiresAt"/>, as the sender would; returns its token.</summary>
    public static async Task<string> PlantLinkAsync(string storageConnectionString, string host, Instant expiresAt)
    {
        var token = ApiKey.GenerateSignInToken();
        var store = new TableSignInStore(new TableServiceClient(storageConnectionString));
        await store.SaveLinkAsync(new SignInLink(token.Hash, HostSlug.Parse(host), expiresAt), CancellationToken.None);
        return token.Value;
    }

    [GeneratedRegex(@"https?://\S+#signin=\S+")]
    private static partial Regex LinkPattern();
}
