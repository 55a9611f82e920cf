using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using Schedly.Core.Calendars;
using Schedly.Functions.Http;

namespace Schedly.Functions.Calendars;

/// <summary>
/// <c>PUT /api/admin/hosts/{host}/calendars/{id}</c>: subscribes to (201) or edits (200) a feed from <c>{ name, url }</c>
/// (<c>url</c> optional when editing) and queues an immediate refresh. The address is never echoed.
/// </summary>
public sealed class PutCalendar(AdminRoutes adminRoutes, ManageCalendarFeeds calendars, IClock clock)
{
    [Function(nameof(PutCalendar))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/hosts/{host}/calendars/{id}")] HttpRequest request,
        string host,
        string id,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var body = await JsonRequest.ReadAsync<CalendarFeedDraft>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await calendars.PutAsync(admin.Host, id, body.Value!, cancellationToken).ConfigureAwait(false);
        return CalendarResults.ToHttp(result, clock.GetCurrentInstant(), $"/api/admin/hosts/{admin.Host.Value}/calendars/{id}");
    }
}

/// <summary>The one mapping of <see cref="CalendarFeedResult"/> to HTTP.</summary>
internal static class CalendarResults
{
    public static IActionResult ToHttp(CalendarFeedResult result, Instant now, string location) => result switch
    {
        CalendarFeedResult.Saved { Created: true } saved => JsonBody.Created(CalendarResponse.From(saved.Feed, now)).WithHeader("Location", location),
        CalendarFeedResult.Saved saved => JsonBody.Ok(CalendarResponse.From(saved.Feed, now)),
        CalendarFeedResult.Deleted => new NoContentResult(),
        CalendarFeedResult.Invalid invalid => Problem.Validation(invalid.Errors),
        CalendarFeedResult.NotFound => Problem.NotFound("No such host or calendar."),
        CalendarFeedResult.Unreadable => new Problem(ProblemKind.CalendarUnavailable, "The calendar's saved address can no longer be read; save its address again."),
        _ => throw new InvalidOperationException("Unknown calendar result."),
    };
}
