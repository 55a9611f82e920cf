namespace Schedly.Core.Locations;

/// <summary>
/// Where one booking happens, resolved when it was made and kept with it (a reschedule keeps it): the
/// <see cref="Kind"/>, the <see cref="Display"/> text every page, email and calendar shows, and for video the
/// <see cref="Url"/> to join (the iCalendar URL).
/// </summary>
public sealed record BookingLocation(LocationKind Kind, string Display, Uri? Url);
