using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Schedly.Soak;

/// <summary>
/// The mixed workload: client loops that browse slots, book (many competing for the same hours), reschedule, cancel and
/// read their bookings; one host loop per host that cancels, marks and unmarks no-shows, edits availability and event
/// types, lists bookings and reads analytics. A request without a definitive answer (no response, 5xx) is retried
/// idempotently (a create with the same Idempotency-Key) or resolved by reading the booking back, as a real client
/// would; whatever is still open at the end is settled by <see cref="SettleAsync"/>.
/// </summary>
public sealed class Workload(SoakHttp http, ClientLedger ledger, IReadOnlyList<SoakHost> hosts, SoakOptions options)
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(45);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _actions = new(StringComparer.Ordinal);
    private int _staleReads;
    private int _reads;
    private int _readBacks;

    /// <summary>How often each action was taken, and how it ended when it ended early.</summary>
    public IReadOnlyDictionary<string, int> Actions => _actions;

    /// <summary>Reads of a booking that disagreed with what its last confirmed change answered.</summary>
    public int StaleReads => _staleReads;

    /// <summary>Reads of a booking compared with what its last confirmed change answered.</summary>
    public int Reads => _reads;

    /// <summary>Changes whose answer was lost (no response, 5xx) and whose effect was learned by reading the booking back.</summary>
    public int ReadBacks => _readBacks;

    public async Task RunAsync(TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        bool Running() => clock.Elapsed < duration && http.Requests < options.MaxRequests;
        var clients = Enumerable.Range(0, options.Clients).Select(i => ClientLoopAsync(i, new Random(options.Seed + i), Running));
        var admins = hosts.Select((host, i) => HostLoopAsync(host, new Random(options.Seed - 1 - i), Running));
        await Task.WhenAll(clients.Concat(admins));
    }

    /// <summary>
    /// After the run: retries every create still owed an answer and reads back every unresolved change, all within two
    /// minutes; a create still without a definitive answer then stays in <see cref="ClientLedger.UnsettledCreates"/>.
    /// </summary>
    public async Task<(int Creates, int ReadBacks)> SettleAsync()
    {
        var deadline = Stopwatch.StartNew();
        var left = () => TimeSpan.FromMinutes(2) - deadline.Elapsed;
        var creates = 0;
        while (ledger.PendingCreates.TryDequeue(out var pending))
        {
            var result = await CreateAsync(pending, left());
            if (result is null)
            {
                ledger.UnsettledCreates.Enqueue(pending);
            }
            else if (result is { Success: true, Body: { } body })
            {
                ledger.Confirmed(body);
            }

            creates++;
        }

        var unresolved = ledger.Bookings.Where(b => b.Unresolved).ToList();
        foreach (var booking in unresolved)
        {
            await ReadBackAsync(booking, left());
        }

        return (creates, unresolved.Count);
    }

    private async Task ClientLoopAsync(int client, Random random, Func<bool> running)
    {
        var own = new List<SeenBooking>();
        var n = 0;
        while (running())
        {
            await ThinkAsync(random);
            var host = hosts[random.Next(hosts.Count)];
            var roll = random.Next(100);
            var live = own.Where(b => b.State.Confirmed && b.State.Start > DateTimeOffset.UtcNow).ToList();
            var mine = live.Count == 0 ? null : live[random.Next(live.Count)];
            if (roll < 35)
            {
                // One consultation or workshop booking in four is a rush: five clients at once on the first slot offered.
                await BookAsync(host, random.Next(3) == 0 ? "workshop" : "consult", client, n++, random, own, random.Next(4) == 0 ? 5 : 1);
            }
            else if (roll < 45)
            {
                await BookAsync(host, "soon", client, n++, random, own);
            }
            else if (roll < 65 || mine is null)
            {
                await SlotsAsync(host.Slug, random.Next(3) == 0 ? "workshop" : "consult", Today().AddDays(NearDay(random)), random.Next(1, 8));
            }
            else if (roll < 75)
            {
                await (mine.EventType == "soon" ? ViewAsync(mine) : RescheduleAsync(mine, random));
            }
            else if (roll < 79)
            {
                await ChangeAsync(mine, "POST cancel (client)", HttpMethod.Post, $"api/bookings/{mine.Id}/cancel", new { reason = "Plans changed" }, mine.ManageToken);
            }
            else
            {
                await ViewAsync(mine);
            }
        }
    }

    private async Task HostLoopAsync(SoakHost host, Random random, Func<bool> running)
    {
        while (running())
        {
            await ThinkAsync(random);
            var roll = random.Next(100);
            var bookings = ledger.OfHost(host.Slug);
            var now = DateTimeOffset.UtcNow;
            if (roll < 8)
            {
                var target = Pick(bookings.Where(b => b.State.Confirmed && b.State.Start > now.AddMinutes(10)).ToList(), random);
                if (target is not null)
                {
                    await ChangeAsync(target, "POST cancel (host)", HttpMethod.Post, $"api/admin/hosts/{host.Slug}/bookings/{target.Id}/cancel",
                        new { reason = "Host unavailable" }, host.ApiKey);
                }
            }
            else if (roll < 50)
            {
                var target = Pick(bookings.Where(b => b.EventType == "soon" && b.State.Confirmed && b.State.Start < now).ToList(), random);
                if (target is not null && (!target.State.NoShow || random.Next(3) == 0))
                {
                    await ChangeAsync(target, "POST/DELETE no-show", target.State.NoShow ? HttpMethod.Delete : HttpMethod.Post,
                        $"api/admin/hosts/{host.Slug}/bookings/{target.Id}/no-show", null, host.ApiKey);
                }
            }
            else if (roll < 62)
            {
                var closed = Enumerable.Range(8, 5).Where(_ => random.Next(3) == 0).Select(d => Today().AddDays(d));
                await IdempotentAsync("PUT availability", HttpMethod.Put, $"api/admin/hosts/{host.Slug}/availability", SoakHost.Availability(closed), host.ApiKey);
            }
            else if (roll < 68)
            {
                var workshop = host.EventTypes.Single(t => t.Slug == "workshop").Definition;
                var json = JsonSerializer.SerializeToNode(workshop)!.AsObject();
                json["maxBookingsPerDay"] = random.Next(4, 6);
                await IdempotentAsync("PUT event type", HttpMethod.Put, $"api/admin/hosts/{host.Slug}/event-types/workshop", json, host.ApiKey);
            }
            else if (roll < 84)
            {
                await http.SendAsync("GET host bookings", HttpMethod.Get,
                    $"api/admin/hosts/{host.Slug}/bookings?start={Date(Today())}&end={Date(Today().AddDays(14))}", bearer: host.ApiKey);
            }
            else
            {
                await http.SendAsync("GET analytics", HttpMethod.Get,
                    $"api/admin/hosts/{host.Slug}/analytics?start={Date(Today().AddDays(-1))}&end={Date(Today().AddDays(30))}", bearer: host.ApiKey);
            }
        }
    }

    /// <summary>
    /// Books one of the first slots offered. A rush (<paramref name="contenders"/> above 1) sends that many clients at
    /// the very first slot at once, as when a popular time opens: exactly one may win, the rest must get 409.
    /// </summary>
    private async Task BookAsync(SoakHost host, string eventType, int client, int n, Random random, List<SeenBooking> own, int contenders = 1)
    {
        var nearTerm = eventType == "soon";
        var slots = nearTerm
            ? (await SlotsAsync(host.Slug, eventType, Today(), 2)).Where(s => s > DateTimeOffset.UtcNow.AddSeconds(5) && s < DateTimeOffset.UtcNow.AddMinutes(5)).ToList()
            : await SlotsAsync(host.Slug, eventType, Today().AddDays(NearDay(random)), 7);
        var label = contenders > 1 ? $"rush of {contenders} on {eventType}" : $"book {eventType}";
        if (slots.Count == 0)
        {
            Count($"{label}: no slot offered");
            return;
        }

        Count(label);
        var start = contenders > 1 ? slots[0] : slots[random.Next(Math.Min(slots.Count, nearTerm ? 2 : 6))];
        var results = await Task.WhenAll(Enumerable.Range(0, contenders).Select(async c =>
        {
            var pending = new PendingCreate(host.Slug, eventType, new
            {
                start = start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                name = $"Client {client}",
                email = $"client{client}.{n}.{c}@soak.example",
                timeZone = "Europe/Berlin",
                notes = "Soak booking",
            }, Guid.NewGuid().ToString("N"));
            var result = await CreateAsync(pending, RetryFor);
            if (result is null)
            {
                ledger.PendingCreates.Enqueue(pending);
            }

            return result;
        }));
        foreach (var result in results)
        {
            if (result is { Success: true, Body: { } body })
            {
                own.Add(ledger.Confirmed(body));
            }
        }

        if (contenders > 1)
        {
            Count($"{label}: {results.Count(r => r is { Success: true })} won, {results.Count(r => r?.Status == 409)} refused (409)");
        }
    }

    private async Task<ApiResult?> CreateAsync(PendingCreate create, TimeSpan retryFor)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var result = await http.SendAsync("POST booking", HttpMethod.Post, $"api/hosts/{create.Host}/event-types/{create.EventType}/bookings",
                create.Body, idempotencyKey: create.IdempotencyKey);
            if (!result.Ambiguous)
            {
                return result;
            }

            if (clock.Elapsed > retryFor)
            {
                return null;
            }

            await Backoff(attempt);
        }
    }

    private async Task RescheduleAsync(SeenBooking booking, Random random)
    {
        if (!booking.State.Confirmed || booking.State.Start < DateTimeOffset.UtcNow.AddHours(1))
        {
            return;
        }

        var slots = await SlotsAsync(booking.Host, booking.EventType, Today().AddDays(NearDay(random)), 7);
        var to = slots.Where(s => s != booking.State.Start).Take(6).ToList();
        if (to.Count > 0)
        {
            await ChangeAsync(booking, "POST reschedule", HttpMethod.Post, $"api/bookings/{booking.Id}/reschedule",
                new { start = to[random.Next(to.Count)].ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) }, booking.ManageToken);
        }
    }

    /// <summary>One change to a booking, serialized with every other change to it; a lost answer is resolved by reading back.</summary>
    private async Task ChangeAsync(SeenBooking booking, string operation, HttpMethod method, string path, object? body, string bearer)
    {
        if (!await booking.Lock.WaitAsync(0))
        {
            return;
        }

        try
        {
            var result = await http.SendAsync(operation, method, path, body, bearer);
            if (result is { Success: true, Body: { } answer })
            {
                booking.Observe(BookingState.From(answer));
            }
            else if (result.Ambiguous)
            {
                Interlocked.Increment(ref _readBacks);
                await ReadBackAsync(booking, RetryFor);
            }
        }
        finally
        {
            booking.Lock.Release();
        }
    }

    private async Task ViewAsync(SeenBooking booking)
    {
        if (!await booking.Lock.WaitAsync(0))
        {
            return;
        }

        try
        {
            var result = await http.SendAsync("GET booking", HttpMethod.Get, $"api/bookings/{booking.Id}", bearer: booking.ManageToken);
            if (result is { Success: true, Body: { } body } && !booking.Unresolved)
            {
                Interlocked.Increment(ref _reads);
                if (BookingState.From(body) != booking.State)
                {
                    Interlocked.Increment(ref _staleReads);
                }
            }
        }
        finally
        {
            booking.Lock.Release();
        }
    }

    private async Task ReadBackAsync(SeenBooking booking, TimeSpan retryFor)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var result = await http.SendAsync("GET booking", HttpMethod.Get, $"api/bookings/{booking.Id}", bearer: booking.ManageToken);
            if (result is { Success: true, Body: { } body })
            {
                booking.Observe(BookingState.From(body));
                booking.Unresolved = false;
                return;
            }

            if (!result.Ambiguous || clock.Elapsed > retryFor)
            {
                booking.Unresolved = true;
                return;
            }

            await Backoff(attempt);
        }
    }

    private async Task IdempotentAsync(string operation, HttpMethod method, string path, object body, string bearer)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; clock.Elapsed < RetryFor; attempt++)
        {
            if (!(await http.SendAsync(operation, method, path, body, bearer)).Ambiguous)
            {
                return;
            }

            await Backoff(attempt);
        }
    }

    private async Task<List<DateTimeOffset>> SlotsAsync(string host, string eventType, DateOnly from, int days)
    {
        var result = await http.SendAsync("GET slots", HttpMethod.Get,
            $"api/hosts/{host}/event-types/{eventType}/slots?start={Date(from)}&end={Date(from.AddDays(days - 1))}&timeZone=UTC");
        if (result is not { Success: true, Body: { } body })
        {
            await Task.Delay(result.Ambiguous ? 200 : 0);
            return [];
        }

        return body.GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("slots").EnumerateArray())
            .Select(s => DateTimeOffset.Parse(s.GetProperty("start").GetString()!, CultureInfo.InvariantCulture))
            .ToList();
    }

    private Task ThinkAsync(Random random) => options.ThinkTime <= TimeSpan.Zero
        ? Task.CompletedTask
        : Task.Delay(options.ThinkTime * (0.5 + random.NextDouble()));

    private void Count(string action) => _actions.AddOrUpdate(action, 1, (_, n) => n + 1);

    /// <summary>A day 1 to ~100 days ahead, most often one of the next few: clients want the earliest times.</summary>
    private static int NearDay(Random random) => random.Next(1, 1 + random.Next(1, SoakHost.BookingWindowDays - 20));

    private static SeenBooking? Pick(List<SeenBooking> candidates, Random random) =>
        candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];

    private static Task Backoff(int attempt) => Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * attempt * attempt)));

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
