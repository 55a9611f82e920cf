using Schedly.Core.Locations;

namespace Schedly.Functions.Hosts;

/// <summary>
/// An event type's location on the wire, the request shape of <c>location</c>: <c>kind</c> and the one field that kind
/// uses (<c>address</c>, <c>phone</c>, <c>url</c>, <c>baseUrl</c> or <c>text</c>); the others are null.
/// </summary>
public sealed record EventLocationResponse(string Kind, string? Address, string? Phone, string? Url, string? BaseUrl, string? Text)
{
    public static EventLocationResponse? From(MeetingLocation? location) => location is null ? null : new(
        LocationKinds.Name(location.Kind),
        location.Kind == LocationKind.InPerson ? location.Value : null,
        location.Kind == LocationKind.Phone ? location.Value : null,
        location.Kind == LocationKind.Video ? location.Value : null,
        location.Kind == LocationKind.GeneratedVideo ? location.Value : null,
        location.Kind == LocationKind.Custom ? location.Value : null);
}

/// <summary>Where one booking happens: <c>{ kind, display, url? }</c> (url for video kinds).</summary>
public sealed record BookingLocationResponse(string Kind, string Display, string? Url)
{
    public static BookingLocationResponse? From(BookingLocation? location) =>
        location is null ? null : new(LocationKinds.Name(location.Kind), location.Display, location.Url?.AbsoluteUri);
}
