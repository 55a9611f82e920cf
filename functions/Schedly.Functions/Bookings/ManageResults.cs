using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Schedly.Core.Bookings;
using Schedly.Functions.Http;

namespace Schedly.Functions.Bookings;

/// <summary>Maps the results of the manage use cases to HTTP, the same way for every manage route.</summary>
internal static class ManageResults
{
    /// <summary>
    /// Reads the optional <c>{ reason }</c> body of a cancel or decline, runs <paramref name="change"/> with the reason and
    /// maps its result; a malformed body is its problem and nothing runs.
    /// </summary>
    public static async Task<IActionResult> WithReasonAsync(HttpRequest request, Func<string?, Task<ManageResult>> change, CancellationToken cancellationToken)
    {
        var body = await JsonRequest.ReadOptionalAsync(request, new CancelRequestBody(null), cancellationToken).ConfigureAwait(false);
        return body.Problem ?? ToHttp(await change(body.Value!.Reason).ConfigureAwait(false));
    }

    public static Problem NotFound() => Problem.NotFound("No booking with that id for this token.");

    public static Problem MissingToken() => Problem.Unauthorized("Send 'Authorization: Bearer <manageToken>' (the token from the booking's confirmation).");

    public static IActionResult ToHttp(ManageResult result) => result switch
    {
        ManageResult.Done done => JsonBody.Ok(BookingResponse.From(done.Booking)),
        ManageResult.NotFound => NotFound(),
        ManageResult.BookingCancelled => new Problem(ProblemKind.BookingCancelled, "The booking is cancelled; it cannot be changed."),
        ManageResult.SlotUnavailable => new Problem(ProblemKind.SlotUnavailable, "That time is not available. The booking was not changed."),
        ManageResult.CollectiveNotMovable => new Problem(ProblemKind.CollectiveNotMovable, "A meeting with the whole team cannot be moved: cancel it and book again on the team's booking page. The booking was not changed."),
        ManageResult.NotStarted => new Problem(ProblemKind.BookingNotStarted, "A no-show can be recorded only once the meeting's start has passed."),
        ManageResult.Invalid invalid => Problem.Validation(invalid.Errors),
        ManageResult.PolicyViolation violation => new Problem(ProblemKind.PolicyViolation, violation.Detail),
        ManageResult.StillPending => new Problem(ProblemKind.BookingPending, "The booking waits for its payment or the host's answer; it can be cancelled, not changed."),
        ManageResult.NotPending notPending => new Problem(ProblemKind.BookingNotPending, $"The booking is {BookingStatuses.WireName(notPending.Booking.Status)}; nothing was changed."),
        ManageResult.NotRefundable => new Problem(ProblemKind.NotRefundable, "The booking was not paid, or its payment was refunded already."),
        ManageResult.PaymentUnavailable => Problem.PaymentUnavailable(),
        _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
    };
}
