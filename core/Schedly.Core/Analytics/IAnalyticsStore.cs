using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Analytics;

/// <summary>Stored daily rollups, one row per host, host-local date and event type.</summary>
public interface IAnalyticsStore
{
    /// <summary>Makes the stored rollups of dates <paramref name="from"/>..<paramref name="to"/> (inclusive) exactly <paramref name="rollups"/>.</summary>
    Task ReplaceAsync(HostSlug host, LocalDate from, LocalDate to, IReadOnlyList<DailyRollup> rollups, CancellationToken cancellationToken);

    Task<IReadOnlyList<DailyRollup>> ReadAsync(HostSlug host, LocalDate from, LocalDate to, CancellationToken cancellationToken);
}

/// <summary>Every host, for timers that visit each of them.</summary>
public interface IHostDirectory
{
    IAsyncEnumerable<HostSlug> ListAsync(CancellationToken cancellationToken);
}
