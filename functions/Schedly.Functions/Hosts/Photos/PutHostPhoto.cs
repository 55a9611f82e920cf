using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts.Photos;
using Schedly.Functions.Http;

namespace Schedly.Functions.Hosts.Photos;

/// <summary>
/// <c>PUT /api/admin/hosts/{host}/photo</c>: the body is the image itself (JPEG, PNG or WebP, told by its first bytes,
/// at most 2 MiB). 200 with the new <c>imageUrl</c>; 400 <c>validation</c> (<c>errors.photo</c>) for another kind of
/// file, 413 <c>payload-too-large</c> over the limit; nothing is stored then.
/// </summary>
public sealed class PutHostPhoto(AdminRoutes adminRoutes, HostPhotos photos)
{
    [Function(nameof(PutHostPhoto))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/hosts/{host}/photo")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var bytes = request.ContentLength > HostPhotos.MaxBytes ? null : await LimitedBody.ReadAsync(request.Body, HostPhotos.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return TooLarge();
        }

        var result = await photos.SetAsync(admin.Host, bytes, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            SetPhotoResult.Saved saved => JsonBody.Ok(new PhotoResponse(PhotoAddress.ImageUrlOf(saved.Host)!)),
            SetPhotoResult.Invalid invalid => Problem.Validation(invalid.Errors, "The photo must be a JPEG, PNG or WebP image."),
            SetPhotoResult.TooLarge => TooLarge(),
            SetPhotoResult.NotFound => Problem.NotFound("No host has that name."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }

    private static Problem TooLarge() =>
        new(ProblemKind.PayloadTooLarge, $"The photo must be at most {HostPhotos.MaxBytes / (1024 * 1024)} MB.");
}

/// <summary>The answer of a photo upload: the host's new <c>imageUrl</c>.</summary>
public sealed record PhotoResponse(string ImageUrl);
