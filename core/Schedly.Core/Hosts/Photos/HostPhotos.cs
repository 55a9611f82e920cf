using NodaTime;
using Schedly.Core.Concurrency;
using Schedly.Core.Validation;

namespace Schedly.Core.Hosts.Photos;

/// <summary>
/// A host's photo: upload (checked by its first bytes to be JPEG, PNG or WebP and at most <see cref="MaxBytes"/>),
/// remove, and read for serving. Uploading stores the bytes first, then points the host at the new photo with one
/// conditional write, then removes the photo it replaced; a crash in between leaves at most an unreferenced object,
/// never a host pointing at missing bytes.
/// </summary>
public sealed class HostPhotos(IHostRepository hosts, IHostPhotoStore store, IClock clock)
{
    /// <summary>The largest photo accepted: 2 MiB.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The message of a photo that is not JPEG, PNG or WebP.</summary>
    public const string FormatRule = "A JPEG, PNG or WebP image.";

    /// <summary>Sets <paramref name="bytes"/> as the host's photo.</summary>
    public async Task<SetPhotoResult> SetAsync(HostSlug host, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (bytes.Length > MaxBytes)
        {
            return new SetPhotoResult.TooLarge();
        }

        if (PhotoFormat.Detect(bytes.Span) is not { } format)
        {
            return new SetPhotoResult.Invalid(ValidationErrors.Single("photo", FormatRule));
        }

        if (await hosts.FindAsync(host, cancellationToken).ConfigureAwait(false) is null)
        {
            return new SetPhotoResult.NotFound();
        }

        var photo = HostPhoto.Of(bytes.Span, format);
        await store.SaveAsync(host, photo, bytes, cancellationToken).ConfigureAwait(false);
        var (changed, previous) = await PointAtAsync(host, photo, cancellationToken).ConfigureAwait(false);
        if (changed is null)
        {
            return new SetPhotoResult.NotFound();
        }

        if (previous is not null && previous != photo)
        {
            await store.DeleteAsync(host, previous, cancellationToken).ConfigureAwait(false);
        }

        return new SetPhotoResult.Saved(changed, photo);
    }

    /// <summary>Removes the host's photo; the host as changed (unchanged when it had none), or null when there is no such host.</summary>
    public async Task<Host?> RemoveAsync(HostSlug host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (changed, previous) = await PointAtAsync(host, null, cancellationToken).ConfigureAwait(false);
        if (previous is not null)
        {
            await store.DeleteAsync(host, previous, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>The bytes of the photo an id names, or null for an id that names none of this host's photos.</summary>
    public async Task<(HostPhoto Photo, byte[] Bytes)?> ReadAsync(HostSlug host, string? photoId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (HostPhoto.Parse(photoId) is not { } photo)
        {
            return null;
        }

        var bytes = await store.ReadAsync(host, photo, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : (photo, bytes);
    }

    private Task<(Host? Changed, HostPhoto? Previous)> PointAtAsync(HostSlug host, HostPhoto? photo, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<(Host?, HostPhoto?)>("Host photo", async ct =>
        {
            var current = await hosts.FindAsync(host, ct).ConfigureAwait(false);
            if (current is null)
            {
                return Attempt<(Host?, HostPhoto?)>.Done((null, null));
            }

            if (current.Value.Photo == photo)
            {
                return Attempt<(Host?, HostPhoto?)>.Done((current.Value, null));
            }

            var next = current.Value.WithPhoto(photo, clock.GetCurrentInstant());
            return await hosts.TryUpdateAsync(next, current.Version, ct).ConfigureAwait(false)
                ? Attempt<(Host?, HostPhoto?)>.Done((next, current.Value.Photo))
                : Attempt<(Host?, HostPhoto?)>.Conflict;
        }, cancellationToken);
}

/// <summary>The outcome of <see cref="HostPhotos.SetAsync"/>.</summary>
public abstract record SetPhotoResult
{
    private SetPhotoResult()
    {
    }

    public sealed record Saved(Host Host, HostPhoto Photo) : SetPhotoResult;

    /// <summary>Not a JPEG, PNG or WebP image (or empty); nothing was stored.</summary>
    public sealed record Invalid(ValidationErrors Errors) : SetPhotoResult;

    /// <summary>Over <see cref="HostPhotos.MaxBytes"/>; nothing was stored.</summary>
    public sealed record TooLarge : SetPhotoResult;

    public sealed record NotFound : SetPhotoResult;
}
