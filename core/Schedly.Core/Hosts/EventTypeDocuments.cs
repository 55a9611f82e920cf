using Schedly.Core.Scheduling;

namespace Schedly.Core.Hosts;

/// <summary>
/// Turns a validated event type back into a complete draft, every default filled in. This is what
/// is stored and returned, so a later change of defaults never alters an existing event type.
/// </summary>
public static class EventTypeDocuments
{
    public static EventTypeDraft Normalize(EventType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var fixedWindow = type.BookingWindow as FixedBookingWindow;
        return new EventTypeDraft
        {
            Title = type.Title,
            Description = type.Description,
            DurationMinutes = (int)type.Duration.TotalMinutes,
            SlotIntervalMinutes = (int)type.SlotInterval.TotalMinutes,
            BufferBeforeMinutes = (int)type.BufferBefore.TotalMinutes,
            BufferAfterMinutes = (int)type.BufferAfter.TotalMinutes,
            MinimumNoticeMinutes = (int)type.MinimumNotice.TotalMinutes,
            BookingWindowDays = (type.BookingWindow as RollingBookingWindow)?.Days,
            BookingWindowStart = fixedWindow is null ? null : NodaTime.Text.LocalDatePattern.Iso.Format(fixedWindow.FirstDate),
            BookingWindowEnd = fixedWindow is null ? null : NodaTime.Text.LocalDatePattern.Iso.Format(fixedWindow.LastDate),
            MaxBookingsPerDay = type.MaxBookingsPerDay,
            Price = type.Price is { } price ? new PriceDraft(PublicPrice.From(price).Amount, price.Currency) : null,
            ReminderOffsetsMinutes = [.. type.ReminderOffsetsMinutes],
            Active = type.Active,
        };
    }
}
