namespace Schedly.Core.Notifications;

/// <summary>
/// An iCalendar invite carried by an email: the file name it is attached as, its iTIP method
/// (<see cref="Request"/> for a new or moved booking, <see cref="Cancel"/> for a cancelled one) and the .ics text.
/// </summary>
public sealed record CalendarAttachment
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public CalendarAttachment(string fileName, string method, string content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        if (fileName.IndexOfAny(['/', '\\', '"', '\r', '\n']) >= 0)
        {
            throw new ArgumentException("A plain file name such as invite.ics.", nameof(fileName));
        }

        if (method is not (Request or Cancel))
        {
            throw new ArgumentException($"Method must be {Request} or {Cancel}.", nameof(method));
        }

        FileName = fileName;
        Method = method;
        Content = content;
    }

    public string FileName { get; }

    public string Method { get; }

    public string Content { get; }
}
