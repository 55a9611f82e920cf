using System.Text.Json;

namespace Schedly.Functions.Bookings;

/// <summary>
/// Body of <c>POST …/bookings</c>. <paramref name="Altcha"/> is the proof-of-work widget's payload (base64 JSON), needed
/// when proof of work is on.
/// </summary>
public sealed record BookingRequestBody(string? Start, string? Name, string? Email, string? TimeZone, string? Notes, Dictionary<string, JsonElement>? Answers, int? DurationMinutes, string? Locale, string? Altcha = null);

/// <summary>Body of <c>POST /api/bookings/{id}/cancel</c> (optional).</summary>
public sealed record CancelRequestBody(string? Reason);

/// <summary>Body of <c>POST /api/bookings/{id}/reschedule</c>.</summary>
public sealed record RescheduleRequestBody(string? Start);
