using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Operator;

/// <summary>
/// <c>GET /api/admin/hosts?pageSize=&amp;continuationToken=</c> (operator): the hosts in slug order, a page at a time
/// (<see cref="IHostDirectory"/>): <c>{ hosts: [ { slug, name, email, suspended, createdAt } ], continuationToken }</c>.
/// </summary>
public sealed class ListHosts(AdminRoutes adminRoutes, IHostDirectory directory)
{
    public const int DefaultPageSize = 100;
    public const int MaxContinuationLength = 1000;

    [Function(nameof(ListHosts))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/hosts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await adminRoutes.AuthorizeOperatorAsync(request, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var pageSizeText = request.Query["pageSize"].ToString();
        var pageSize = DefaultPageSize;
        if (pageSizeText.Length > 0 && (!int.TryParse(pageSizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 1000))
        {
            return Problem.Validation("pageSize", "A whole number from 1 to 1000.");
        }

        var continuation = request.Query["continuationToken"].ToString();
        if (continuation.Length > MaxContinuationLength)
        {
            return Problem.Validation("continuationToken", "Not a continuation token this app gave.");
        }

        var page = await directory.ListAsync(pageSize, continuation.Length == 0 ? null : continuation, cancellationToken).ConfigureAwait(false);
        return JsonBody.Ok(new HostListResponse(
            [.. page.Hosts.Select(h => new HostListItem(h.Slug.Value, h.Name, h.Email, h.Suspended, h.CreatedAt.ToString()))],
            page.Continuation));
    }
}

/// <summary>One host in the operator's list.</summary>
public sealed record HostListItem(string Slug, string Name, string Email, bool Suspended, string CreatedAt);

/// <summary>A page of the operator's host list.</summary>
public sealed record HostListResponse(IReadOnlyList<HostListItem> Hosts, string? ContinuationToken);
