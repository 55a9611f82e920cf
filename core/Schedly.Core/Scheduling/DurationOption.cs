using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// One length an event type offers, with its own price; null <see cref="Price"/>: the event type's price. Build from
/// input with <see cref="EventTypeDraft.Validate"/>.
/// </summary>
public sealed record DurationOption
{
    public DurationOption(Duration length, Price? price)
    {
        Length = length > Duration.Zero && length <= EventType.MaxDuration
            ? length
            : throw new ArgumentOutOfRangeException(nameof(length), length, $"Must be more than zero and at most {EventType.MaxDuration}.");
        Price = price;
    }

    public Duration Length { get; }

    public Price? Price { get; }

    /// <summary>Whole minutes, as on the wire.</summary>
    public int Minutes => (int)Length.TotalMinutes;
}
