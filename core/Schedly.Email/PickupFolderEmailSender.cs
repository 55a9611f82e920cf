using MimeKit;
using Schedly.Core.Notifications;

namespace Schedly.Email;

/// <summary>
/// The local default: writes each message as <c>{MessageId}.eml</c> (sanitised, see <see cref="MessageIds.FileStem"/>)
/// into a folder, where any mail client can open it. A file is written to a temporary name and moved into place, so a
/// reader never sees half a message; a MessageId that already has a file is not written again.
/// </summary>
public sealed class PickupFolderEmailSender : IEmailSender
{
    /// <summary>CRLF line ends, as RFC 5322 and mail clients on every platform expect of an .eml file.</summary>
    private static readonly FormatOptions _emlFormat = CreateFormat();

    private readonly MimeMessageBuilder _builder;

    public PickupFolderEmailSender(string folder, MimeMessageBuilder? builder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        _builder = builder ?? new MimeMessageBuilder();
    }

    public string Folder { get; }

    /// <summary>The file a message with <paramref name="messageId"/> is written to.</summary>
    public string PathFor(string messageId) => Path.Combine(Folder, MessageIds.FileStem(messageId) + ".eml");

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = PathFor(message.MessageId);
        if (File.Exists(target))
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        var temporary = Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await _builder.Build(message).WriteToAsync(_emlFormat, stream, ct).ConfigureAwait(false);
                await stream.FlushAsync(ct).ConfigureAwait(false);
            }

            try
            {
                File.Move(temporary, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another delivery of the same message won the race: its file stands.
            }
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
