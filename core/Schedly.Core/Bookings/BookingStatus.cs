namespace Schedly.Core.Bookings;

public enum BookingStatus
{
    Confirmed,
    Cancelled,
}
