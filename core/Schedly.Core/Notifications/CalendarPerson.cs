namespace Schedly.Core.Notifications;

/// <summary>Someone an .ics names as ORGANIZER or ATTENDEE: a display name (CN) and an address.</summary>
public sealed record CalendarPerson(string Name, string Email)
{
    /// <summary>The party as a calendar names it.</summary>
    public static CalendarPerson Of(NoticeParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return new CalendarPerson(party.Name, party.Email);
    }
}
