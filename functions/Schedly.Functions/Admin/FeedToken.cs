using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Schedly.Core.Hosts;
using Schedly.Functions.Composition;
using Schedly.Functions.Http;

namespace Schedly.Functions.Admin;

/// <summary>
/// <c>POST /api/admin/hosts/{host}/feed-token</c> issues the calendar-feed token (shown once, with the
/// feed URL, absolute under <see cref="PublicUrlOptions.PublicBaseUrl"/> so it can be pasted into a calendar app)
/// and revokes any previous one; <c>DELETE</c> revokes the feed.
/// </summary>
public sealed class FeedToken(AdminRoutes adminRoutes, HostCalendarFeed feed, IOptions<PublicUrlOptions> publicUrl)
{
    [Function(nameof(FeedToken))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "delete", Route = "api/admin/hosts/{host}/feed-token")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var slug = admin.Host;

        if (HttpMethods.IsDelete(request.Method))
        {
            return await feed.RevokeAsync(slug, cancellationToken).ConfigureAwait(false)
                ? JsonBody.Ok(new { revoked = true })
                : Problem.NotFound("No host has that name.");
        }

        var token = await feed.IssueAsync(slug, cancellationToken).ConfigureAwait(false);
        return token is null
            ? Problem.NotFound("No host has that name.")
            : JsonBody.Ok(new
            {
                feedToken = token.Value,
                url = new Uri(publicUrl.Value.BaseUri, $"/api/hosts/{slug.Value}/calendar.ics?feed={Uri.EscapeDataString(token.Value)}").AbsoluteUri,
            });
    }
}
