namespace Schedly.Core.Bookings;

/// <summary>
/// The store cannot make this change in one atomic write (Table Storage allows 100 operations per
/// transaction; a very long booking moved far claims many hour cells). Nothing was written.
/// </summary>
public sealed class ChangeTooLargeException(string message) : Exception(message);
