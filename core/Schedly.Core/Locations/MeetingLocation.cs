using Schedly.Core.Validation;

namespace Schedly.Core.Locations;

/// <summary>
/// Where an event type's meetings happen, as the host set it: <see cref="Value"/> is the address
/// (<see cref="LocationKind.InPerson"/>), the E.164 number (<see cref="LocationKind.Phone"/>), the absolute https URL
/// (<see cref="LocationKind.Video"/>), the room server's base URL or null for the configured one
/// (<see cref="LocationKind.GeneratedVideo"/>), or the text (<see cref="LocationKind.Custom"/>). Build one from input
/// with <see cref="LocationDraft.Validate"/>. <see cref="ResolveFor"/> turns it into one booking's
/// <see cref="BookingLocation"/>.
/// </summary>
public sealed record MeetingLocation(LocationKind Kind, string? Value)
{
    public const int MaxTextLength = 500;

    /// <summary>
    /// The location of one booking: a generated video room is <c>{base}/{room}</c> with <paramref name="room"/> the
    /// booking's own unguessable name on the event type's base URL or else <paramref name="defaultRoomBase"/>; every
    /// other kind is the same for every booking.
    /// </summary>
    public BookingLocation ResolveFor(string room, Uri defaultRoomBase)
    {
        ArgumentException.ThrowIfNullOrEmpty(room);
        ArgumentNullException.ThrowIfNull(defaultRoomBase);
        switch (Kind)
        {
            case LocationKind.Phone:
                return new BookingLocation(Kind, PhoneRules.Display(Value ?? ""), null);
            case LocationKind.Video:
                return new BookingLocation(Kind, Value ?? "", Uri.TryCreate(Value, UriKind.Absolute, out var link) ? link : null);
            case LocationKind.GeneratedVideo:
                var baseUrl = Value is not null && Uri.TryCreate(Value, UriKind.Absolute, out var own) ? own : defaultRoomBase;
                var url = new Uri($"{baseUrl.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(room)}");
                return new BookingLocation(Kind, url.AbsoluteUri, url);
            default:
                return new BookingLocation(Kind, Value ?? "", null);
        }
    }
}
