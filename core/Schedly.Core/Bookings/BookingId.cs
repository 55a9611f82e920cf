using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Schedly.Core.Hosts;

namespace Schedly.Core.Bookings;

/// <summary>
/// A booking's public id: <c>{host}--{20 random base32 chars}</c> (100 random bits). The host part
/// tells the store which partition holds the booking (host slugs never contain <c>--</c>), so the
/// manage routes, which carry only the id, cost one point read.
/// </summary>
public sealed record BookingId
{
    private const string Separator = "--";
    private const int RandomLength = 20;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private BookingId(HostSlug host, string random)
    {
        Host = host;
        Random = random;
    }

    public HostSlug Host { get; }

    /// <summary>The random part; unique within the host.</summary>
    public string Random { get; }

    public string Value => Host.Value + Separator + Random;

    public static BookingId New(HostSlug host)
    {
        ArgumentNullException.ThrowIfNull(host);
        Span<char> chars = stackalloc char[RandomLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new BookingId(host, new string(chars));
    }

    /// <summary>
    /// The id every attempt derives alike from <paramref name="seed"/> (a collective booking's id): one member's part
    /// of it, so a repeated step finds the row an earlier one wrote. As unguessable as the seed.
    /// </summary>
    public static BookingId Derived(HostSlug host, string seed)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentException.ThrowIfNullOrEmpty(seed);
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("schedly-derived-booking|" + seed + "|" + host.Value));
        Span<char> chars = stackalloc char[RandomLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[hash[i] % Alphabet.Length];
        }

        return new BookingId(host, new string(chars));
    }

    public static bool TryParse(string? value, [NotNullWhen(true)] out BookingId? id)
    {
        id = null;
        if (string.IsNullOrEmpty(value) || value.Length > HostSlug.MaxLength + Separator.Length + RandomLength)
        {
            return false;
        }

        var split = value.LastIndexOf(Separator, StringComparison.Ordinal);
        if (split <= 0 || value.Length - split - Separator.Length != RandomLength)
        {
            return false;
        }

        var random = value[(split + Separator.Length)..];
        if (!random.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) || !HostSlug.TryParse(value[..split], out var host))
        {
            return false;
        }

        id = new BookingId(host, random);
        return true;
    }

    public override string ToString() => Value;
}
