using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Hosts;
using Schedly.Core.Hosts.Photos;

namespace Schedly.Core.Tests.Hosts.Photos;

public sealed class HostPhotosTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 4, 5, 6];

    private readonly PhotoHostRepository _hosts = new(HostTimerSample.Host("ada"));
    private readonly MemoryPhotoStore _store = new();

    private HostPhotos CreateSut() => new(_hosts, _store, new FakeClock(Instant.FromUtc(2026, 12, 1, 9, 0)));

    [Fact]
    public async Task SetAsync_Png_StoresItAndPointsTheHostAtIt()
    {
        var result = await CreateSut().SetAsync(HostSlug.Parse("ada"), Png, CancellationToken.None);

        var saved = Assert.IsType<SetPhotoResult.Saved>(result);
        Assert.Equal(PhotoFormat.Png, saved.Photo.Format);
        Assert.Equal(saved.Photo, _hosts.Current.Photo);
        Assert.Equal([$"ada/{saved.Photo.Id}"], _store.Names);
    }

    [Fact]
    public async Task SetAsync_NewPhoto_RemovesTheOneItReplaced()
    {
        var sut = CreateSut();
        await sut.SetAsync(HostSlug.Parse("ada"), Png, CancellationToken.None);

        var second = Assert.IsType<SetPhotoResult.Saved>(await sut.SetAsync(HostSlug.Parse("ada"), Jpeg, CancellationToken.None));

        Assert.Equal([$"ada/{second.Photo.Id}"], _store.Names);
        Assert.Null(await sut.ReadAsync(HostSlug.Parse("ada"), HostPhoto.Of(Png, PhotoFormat.Png).Id, CancellationToken.None));
    }

    [Fact]
    public async Task SetAsync_SamePhotoTwice_KeepsIt()
    {
        var sut = CreateSut();
        await sut.SetAsync(HostSlug.Parse("ada"), Png, CancellationToken.None);
        await sut.SetAsync(HostSlug.Parse("ada"), Png, CancellationToken.None);

        var read = await sut.ReadAsync(HostSlug.Parse("ada"), HostPhoto.Of(Png, PhotoFormat.Png).Id, CancellationToken.None);
        Assert.Equal(Png, read?.Bytes);
    }

    [Fact]
    public async Task SetAsync_NotAnImage_IsInvalidAndStoresNothing()
    {
        var result = await CreateSut().SetAsync(HostSlug.Parse("ada"), "<svg/>"u8.ToArray(), CancellationToken.None);

        var invalid = Assert.IsType<SetPhotoResult.Invalid>(result);
        Assert.Contains("photo", invalid.Errors.ToDictionary().Keys);
        Assert.Empty(_store.Names);
        Assert.Null(_hosts.Current.Photo);
    }

    [Fact]
    public async Task SetAsync_OverTheLimit_IsTooLargeAndStoresNothing()
    {
        var bytes = new byte[HostPhotos.MaxBytes + 1];
        Png.CopyTo(bytes, 0);

        Assert.IsType<SetPhotoResult.TooLarge>(await CreateSut().SetAsync(HostSlug.Parse("ada"), bytes, CancellationToken.None));
        Assert.Empty(_store.Names);
    }

    [Fact]
    public async Task SetAsync_UnknownHost_IsNotFoundAndStoresNothing()
    {
        Assert.IsType<SetPhotoResult.NotFound>(await CreateSut().SetAsync(HostSlug.Parse("grace"), Png, CancellationToken.None));
        Assert.Empty(_store.Names);
    }

    [Fact]
    public async Task RemoveAsync_ClearsThePhotoAndItsBytes()
    {
        var sut = CreateSut();
        await sut.SetAsync(HostSlug.Parse("ada"), Png, CancellationToken.None);

        var changed = await sut.RemoveAsync(HostSlug.Parse("ada"), CancellationToken.None);

        Assert.NotNull(changed);
        Assert.Null(changed.Photo);
        Assert.Empty(_store.Names);
    }

    [Fact]
    public async Task ReadAsync_IdOfNoPhoto_IsNull() =>
        Assert.Null(await CreateSut().ReadAsync(HostSlug.Parse("ada"), "../etc/passwd", CancellationToken.None));

    /// <summary>One host whose conditional updates always succeed, each making a new version.</summary>
    private sealed class PhotoHostRepository(Host host) : IHostRepository
    {
        public Host Current { get; private set; } = host;

        private int _version;

        public Task<Versioned<Host>?> FindAsync(HostSlug slug, CancellationToken cancellationToken) =>
            Task.FromResult(slug == Current.Slug ? new Versioned<Host>(Current, $"v{_version}") : null);

        public Task<bool> TryUpdateAsync(Host host, string version, CancellationToken cancellationToken)
        {
            if (version != $"v{_version}")
            {
                return Task.FromResult(false);
            }

            Current = host;
            _version++;
            return Task.FromResult(true);
        }

        public Task<HostSlug?> FindByApiKeyIdAsync(string keyId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task IndexApiKeyAsync(string keyId, HostSlug host, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ForgetApiKeyAsync(string keyId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryCreateAsync(Host host, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryUpdateProfileAsync(HostSlug slug, HostProfile profile, Instant updatedAt, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class MemoryPhotoStore : IHostPhotoStore
    {
        private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Names => [.. _blobs.Keys.Order(StringComparer.Ordinal)];

        public Task SaveAsync(HostSlug host, HostPhoto photo, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            _blobs[$"{host.Value}/{photo.Id}"] = bytes.ToArray();
            return Task.CompletedTask;
        }

        public Task<byte[]?> ReadAsync(HostSlug host, HostPhoto photo, CancellationToken cancellationToken) =>
            Task.FromResult(_blobs.GetValueOrDefault($"{host.Value}/{photo.Id}"));

        public Task DeleteAsync(HostSlug host, HostPhoto photo, CancellationToken cancellationToken)
        {
            _blobs.Remove($"{host.Value}/{photo.Id}");
            return Task.CompletedTask;
        }
    }
}
