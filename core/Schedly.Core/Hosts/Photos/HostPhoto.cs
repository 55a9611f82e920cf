using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Schedly.Core.Hosts.Photos;

/// <summary>
/// A host's uploaded photo, named by its content: <see cref="Id"/> is the first 128 bits of the SHA-256 of its bytes in
/// hex plus the format's extension (<c>3f2a…9c.jpg</c>). The same bytes always get the same id and other bytes another
/// one, so the photo's address can be cached for ever and a new photo always gets a new address.
/// </summary>
public sealed partial record HostPhoto
{
    private HostPhoto(string hash, PhotoFormat format)
    {
        Hash = hash;
        Format = format;
    }

    /// <summary>32 lower-case hex digits.</summary>
    public string Hash { get; }

    public PhotoFormat Format { get; }

    /// <summary>The photo's name in its address and in storage: hash, a dot, the extension.</summary>
    public string Id => $"{Hash}.{Format.Extension}";

    /// <summary>The photo of these bytes in this format.</summary>
    public static HostPhoto Of(ReadOnlySpan<byte> bytes, PhotoFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        return new HostPhoto(Convert.ToHexStringLower(digest[..16]), format);
    }

    /// <summary>The photo an id names (as <see cref="Id"/> writes it), or null for any other text.</summary>
    public static HostPhoto? Parse(string? id)
    {
        var match = id is null ? null : IdPattern().Match(id);
        return match is { Success: true } && PhotoFormat.FromExtension(match.Groups["ext"].Value) is { } format
            ? new HostPhoto(match.Groups["hash"].Value, format)
            : null;
    }

    [GeneratedRegex("^(?<hash>[0-9a-f]{32})\\.(?<ext>jpg|png|webp)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IdPattern();
}
