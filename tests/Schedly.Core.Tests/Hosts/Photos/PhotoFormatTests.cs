using FsCheck.Xunit;
using Schedly.Core.Hosts.Photos;

namespace Schedly.Core.Tests.Hosts.Photos;

public sealed class PhotoFormatTests
{
    public static TheoryData<byte[], string> Signatures => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "image/jpeg" },
        { [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "image/png" },
        { [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8], "image/webp" },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Detect_KnownSignature_IsThatFormat(byte[] bytes, string contentType) =>
        Assert.Equal(contentType, PhotoFormat.Detect(bytes)?.ContentType);

    [Theory]
    [InlineData("")]
    [InlineData("GIF89a......")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'/>")]
    [InlineData("RIFF\u0024\0\0\0WAVEfmt ")]
    [InlineData("\u0089PNG")]
    public void Detect_AnythingElse_IsNull(string text) =>
        Assert.Null(PhotoFormat.Detect(System.Text.Encoding.Latin1.GetBytes(text)));

    [Property(MaxTest = 200)]
    public bool HostPhoto_Id_ParsesBackToTheSamePhoto(byte[] bytes, bool png)
    {
        var photo = HostPhoto.Of(bytes ?? [], png ? PhotoFormat.Png : PhotoFormat.Jpeg);
        return HostPhoto.Parse(photo.Id) == photo && photo.Id.EndsWith(png ? ".png" : ".jpg", StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public bool HostPhoto_OtherBytes_GetAnotherId(byte[] bytes, byte extra)
    {
        var first = HostPhoto.Of(bytes ?? [], PhotoFormat.Webp);
        var second = HostPhoto.Of([.. bytes ?? [], extra], PhotoFormat.Webp);
        return first.Id != second.Id;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef.gif")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF.jpg")]
    [InlineData("../0123456789abcdef0123456789abcdef.jpg")]
    [InlineData("0123456789abcdef0123456789abcde.jpg")]
    public void HostPhoto_Parse_OtherText_IsNull(string? id) => Assert.Null(HostPhoto.Parse(id));
}
