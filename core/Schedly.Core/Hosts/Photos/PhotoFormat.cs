namespace Schedly.Core.Hosts.Photos;

/// <summary>
/// The image formats a host photo may have, told apart by their first bytes (never by a name or a declared type, which
/// the uploader chooses): JPEG (<c>FF D8 FF</c>), PNG (the 8-byte signature) and WebP (<c>RIFF</c>, a size, <c>WEBP</c>).
/// </summary>
public sealed record PhotoFormat
{
    public static readonly PhotoFormat Jpeg = new("image/jpeg", "jpg");
    public static readonly PhotoFormat Png = new("image/png", "png");
    public static readonly PhotoFormat Webp = new("image/webp", "webp");

    private PhotoFormat(string contentType, string extension)
    {
        ContentType = contentType;
        Extension = extension;
    }

    /// <summary>The media type the photo is served with.</summary>
    public string ContentType { get; }

    /// <summary>The file extension ending the photo's id (<c>jpg</c>, <c>png</c>, <c>webp</c>).</summary>
    public string Extension { get; }

    public static IReadOnlyList<PhotoFormat> All { get; } = [Jpeg, Png, Webp];

    /// <summary>The format whose signature <paramref name="bytes"/> start with, or null for anything else.</summary>
    public static PhotoFormat? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        return bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? Webp : null;
    }

    /// <summary>The format with this extension, or null.</summary>
    public static PhotoFormat? FromExtension(string extension) => All.FirstOrDefault(f => f.Extension == extension);
}
