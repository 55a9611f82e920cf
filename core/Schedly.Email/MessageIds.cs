using System.Security.Cryptography;
using System.Text;

namespace Schedly.Email;

/// <summary>What the adapters derive from <c>EmailMessage.MessageId</c>: file names, the Message-Id header, operation ids.</summary>
public static class MessageIds
{
    /// <summary>The domain part of the Message-Id header (<c>&lt;{id}@schedly&gt;</c>).</summary>
    public const string Domain = "schedly";

    /// <summary>
    /// A file name stem safe on every file system: letters, digits, '.', '-' and '_' kept, anything else replaced by
    /// '_'. When a character was replaced, a hash of the original id is appended, so two ids never share a file.
    /// </summary>
    public static string FileStem(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var clean = new string(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray())
            .TrimStart('.');
        return clean == messageId && clean.Length > 0 ? clean : $"{clean}~{ShortHash(messageId)}";
    }

    /// <summary>The local part of the Message-Id header: the id itself when it is a valid dot-atom, else the file stem.</summary>
    public static string HeaderId(string messageId) =>
        IsDotAtom(messageId) ? $"{messageId}@{Domain}" : $"{FileStem(messageId).Replace('~', '-')}@{Domain}";

    /// <summary>A deterministic UUID (name-based, SHA-256 truncated, version 8) for an id: the same id, the same UUID.</summary>
    public static Guid OperationId(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("schedly-email:" + messageId));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static string ShortHash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 8));

    private static bool IsDotAtom(string value) =>
        value.Length > 0 && value[0] != '.' && value[^1] != '.' && !value.Contains("..", StringComparison.Ordinal)
        && value.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c, StringComparison.Ordinal));
}
