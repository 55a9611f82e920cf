using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.Core.SignIn;

/// <summary>
/// An emailed sign-in link as stored: the SHA-256 of its token (the token itself is only in the email), the host it
/// signs in and when it stops working. Redeeming takes it out of storage, so it works once.
/// </summary>
public sealed record SignInLink(ApiKeyHash TokenHash, HostSlug Host, Instant ExpiresAt)
{
    /// <summary>True while <paramref name="now"/> is before <see cref="ExpiresAt"/> (the end is exclusive).</summary>
    public bool IsValidAt(Instant now) => now < ExpiresAt;
}
