namespace Schedly.Core.Bookings;

/// <summary>
/// The active bookings of one host overlapping a window, as read at one moment, with the store's
/// versions of everything read. A commit based on this snapshot fails if any claimed record
/// changed since, so a decision taken on the snapshot can never race with another writer.
/// </summary>
public sealed class BookingSnapshot(IReadOnlyList<BookedSpan> bookings, object storeState)
{
    public IReadOnlyList<BookedSpan> Bookings => bookings;

    /// <summary>Opaque to core: what the store needs to make its commit conditional.</summary>
    public object StoreState => storeState;
}
