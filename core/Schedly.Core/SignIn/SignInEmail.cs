using System.Net;
using Schedly.Core.Hosts;
using Schedly.Core.Notifications;
using Schedly.Core.Security;

namespace Schedly.Core.SignIn;

/// <summary>
/// The sign-in email: one link, <c>{PublicBaseUrl}/dashboard#signin={token}</c>. The token rides in the fragment, which
/// browsers never send to a server, so it stays out of request logs; the dashboard posts it to redeem it.
/// </summary>
public sealed class SignInEmail(NotificationSettings settings)
{
    /// <summary>The link that redeems <paramref name="token"/>.</summary>
    public Uri LinkFor(ApiKey token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new Uri($"{settings.PublicBaseUrl.AbsoluteUri.TrimEnd('/')}/dashboard#signin={Uri.EscapeDataString(token.Value)}");
    }

    /// <summary>
    /// The email to <paramref name="host"/>'s address with the link, valid for <paramref name="minutes"/> minutes; an
    /// <paramref name="invitation"/> welcomes the host and says where to ask for a new link.
    /// </summary>
    public EmailMessage Compose(Host host, ApiKey token, int minutes, bool invitation = false)
    {
        ArgumentNullException.ThrowIfNull(host);
        var link = LinkFor(token).AbsoluteUri;
        var name = host.Profile.Name;
        var signInPage = $"{settings.PublicBaseUrl.AbsoluteUri.TrimEnd('/')}/dashboard";
        var intro = invitation
            ? $"You are invited to take bookings with Schedly. Your booking page is ready to set up. If this link has expired, ask for a new one at {signInPage} with this address."
            : "Use this link to sign in to your Schedly dashboard.";
        var text = $"""
            Hello {name},

            {intro} The link works once, within {minutes} minutes:

            {link}

            If you did not ask to sign in, ignore this email: nobody can sign in without the link.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>{WebUtility.HtmlEncode(intro)} The link works once, within {minutes} minutes:</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">Sign in to Schedly</a></p>
            <p>If you did not ask to sign in, ignore this email: nobody can sign in without the link.</p>
            """;
        return new EmailMessage
        {
            // The hash prefix makes the id unique per link without revealing the token.
            MessageId = $"signin.{host.Slug.Value}.{token.Hash.Hex[..16]}",
            From = settings.From,
            To = new EmailAddress(host.Profile.Email, name),
            Subject = invitation ? "You are invited to Schedly" : "Your Schedly sign-in link",
            TextBody = text,
            HtmlBody = html,
        };
    }
}
