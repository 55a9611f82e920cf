using System.Text.Json;

namespace Schedly.Functions.Bookings;

/// <summary>Body of <c>POST …/bookings</c>.</summary>
public sealed record BookingRequestBody(string? Start, string? Name, string? Email, string? TimeZone, string? Notes, Dictionary<string, JsonElement>? Answers, int? DurationMinutes, string? Locale);

/// <summary>Body of <c>POST /api/bookings/{id}/cancel</c> (optional).</summary>
public sealed record CancelRequestBody(string? Reason);

/// <summary>Body of <c>POST /api/bookings/{id}/reschedule</c>.</summary>
public sealed record RescheduleRequestBody(string? Start);
