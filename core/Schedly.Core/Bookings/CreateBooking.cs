using NodaTime;
using Schedly.Core.Abuse;
using Schedly.Core.Calendars;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;
using Schedly.Core.Locations;
using Schedly.Core.Payments;
using Schedly.Core.Questions;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;
using Schedly.Core.Validation;

namespace Schedly.Core.Bookings;

/// <summary>
/// Books a slot: re-checks on the server that the start is offered now, then claims the time in
/// one atomic write (booking, claim, daily counter, outbox event, idempotency record) that fails if
/// anything it relied on changed; on such a conflict it re-reads and decides again. Returns the
/// manage token once; only its hash is stored. Busy time imported from the host's calendars is read once, before the
/// loop: an import never changes a booking, so it needs no version. A client email holding
/// <see cref="CapOptions.ActiveBookingsPerClient"/> upcoming bookings with the host is refused
/// (<see cref="CreateBookingResult.ClientCapReached"/>). The event type's location is resolved for the booking (a
/// generated video room gets its own name, on <see cref="LocationOptions.GeneratedVideoBaseUrl"/> unless the event
/// type names its own server). The booking lasts the length the client chose (<see cref="ChosenDuration"/>), at that
/// length's price; its slot, buffers, claim and daily count follow that length. Answers are checked against the event
/// type's questions (<see cref="AnswerRules"/>) and stored with the questions' labels.
/// A <see cref="EventType.PaymentRequired"/> type's booking starts <see cref="BookingStatus.PendingPayment"/>: once the
/// start is known to be offered, a checkout is opened for the chosen length's price (idempotency key from the booking id,
/// open for <see cref="PaymentOptions.CheckoutMinutes"/>) and the booking, holding its time like a confirmed one,
/// carries the session, its page and its expiry. A <see cref="EventType.RequiresApproval"/> type's booking starts
/// <see cref="BookingStatus.PendingApproval"/>, expiring at <see cref="PaymentOptions.ApprovalExpiry"/>. Either is
/// announced as <c>booking.pending</c>.
/// </summary>
/// <remarks>
/// The client cap is counted from the host's upcoming confirmed bookings (one range query of the <c>bystart</c> rows
/// per 1000 of them) before the claim, not inside its transaction: requests of one email racing each other within
/// the same fraction of a second can each see the count below the cap, so the bound is the cap plus the number of such
/// concurrent requests, which the per-client rate limit keeps small. A paid booking that loses the race for its time
/// after its checkout was opened leaves that checkout unused; it closes unpaid at its expiry and its events name no
/// booking that exists, so they change nothing.
/// </remarks>
public sealed class CreateBooking(IHostRepository hosts, IBookingStore store, IImportedBusyTime imported, IBookingEventPublisher publisher, ManageTokenIssuer tokens, IClock clock, CapOptions caps, LocationOptions locations, PendingTermsPlanner? pendingTerms = null)
{
    /// <summary>How far ahead the client cap looks for upcoming bookings (further than any booking window).</summary>
    public static readonly Duration ClientCapHorizon = Duration.FromDays(36_525);

    private const int ClientCapPageSize = 1000;

    public async Task<CreateBookingResult> ExecuteAsync(
        HostSlug host,
        string eventTypeSlug,
        BookingRequestDraft draft,
        IdempotencyKey? idempotencyKey,
        string requestHash,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(draft);
        var request = draft.Validate();
        if (!request.IsValid)
        {
            return new CreateBookingResult.Invalid(request.Errors);
        }

        var (replay, expiredVersion) = await LookUpAsync(host, idempotencyKey, requestHash, cancellationToken).ConfigureAwait(false);
        if (replay is not null)
        {
            return replay;
        }

        var stored = await hosts.FindAsync(host, cancellationToken).ConfigureAwait(false);
        var offered = stored?.Value.Schedule.FindEventType(eventTypeSlug);
        // A suspended host takes no bookings (docs/SECURITY.md, "Hosts and the operator").
        if (stored is null || stored.Value.Suspended || offered is not { Active: true })
        {
            return new CreateBookingResult.NotFound();
        }

        return await BookWithAsync(stored.Value, eventTypeSlug, offered, request.Value, idempotencyKey, requestHash, expiredVersion, team: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The booking path once the host and the offered event type are known: for a host's own event type, or for a team
    /// member chosen by round-robin (<paramref name="team"/> says so and is stored with the booking). The caller has
    /// looked up <paramref name="idempotencyKey"/> in this host's partition (<paramref name="expiredVersion"/>: the
    /// expired record to replace).
    /// </summary>
    internal async Task<CreateBookingResult> BookWithAsync(
        Host hostValue,
        string eventTypeSlug,
        EventType offered,
        BookingRequest request,
        IdempotencyKey? idempotencyKey,
        string requestHash,
        string? expiredVersion,
        Teams.TeamBooking? team,
        CancellationToken cancellationToken)
    {
        var host = hostValue.Slug;
        var offerErrors = new ValidationErrors();
        if (Offer(offered, request, offerErrors) is not var (eventType, client))
        {
            return new CreateBookingResult.Invalid(offerErrors);
        }

        if (eventType.PaymentRequired && pendingTerms is not { PaymentsConfigured: true })
        {
            return new CreateBookingResult.PaymentUnavailable();
        }

        if (await ClientCapReachedAsync(host, client.Email, cancellationToken).ConfigureAwait(false))
        {
            return new CreateBookingResult.ClientCapReached(caps.ActiveBookingsPerClient);
        }

        var start = request.Start;
        var counter = BookingContext.CounterFor(eventType, eventTypeSlug, start, hostValue.Profile.TimeZone);
        var scope = new SnapshotScope(SlotEngine.BusyWindow(start, eventType), counter);
        var availability = await BookingContext.AvailabilityAsync(imported, hostValue, scope.Window, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        return await OptimisticConcurrency.RunAsync<CreateBookingResult>("Booking", async ct =>
        {
            var now = clock.GetCurrentInstant();
            var snapshot = await store.LoadAsync(host, scope, ct).ConfigureAwait(false);
            if (!BookingContext.IsOffered(hostValue, availability, eventType, eventTypeSlug, snapshot, start, now))
            {
                return (await LookUpAsync(host, idempotencyKey, requestHash, ct).ConfigureAwait(false)).Replay
                    ?? new CreateBookingResult.SlotUnavailable();
            }

            var id = BookingId.New(hostValue.Slug);
            var token = tokens.Issue(id);
            var location = eventType.Location?.ResolveFor(VideoRoom.NewName(), locations.GeneratedVideoBase);
            PendingTerms? pending;
            try
            {
                pending = pendingTerms is null ? null : await pendingTerms.PlanAsync(id, eventType, start, client, now, ct).ConfigureAwait(false);
            }
            catch (PaymentUnavailableException)
            {
                return new CreateBookingResult.PaymentUnavailable();
            }

            var booking = Booking.Create(id, eventTypeSlug, eventType, start, client, token.Hash, hostValue.Profile.TimeZone, now, location, pending) with { Team = team };
            var created = BookingEvent.For(booking.IsPending ? BookingEvent.Pending : BookingEvent.Created, booking, now);
            var idempotency = idempotencyKey is null
                ? null
                : new IdempotencyRecord(idempotencyKey.StorageId, requestHash, booking.Id.Value, idempotencyKey.Protect(token.Value), now) { Version = expiredVersion };
            if (await store.TryCommitAsync(BookingChange.Create(snapshot, booking, created, idempotency), ct).ConfigureAwait(false))
            {
                await publisher.PublishAsync(created, ct).ConfigureAwait(false);
                return new CreateBookingResult.Created(booking, token.Value, Replayed: false);
            }

            // Lost a race: to a concurrent replay of the same key (answer as it did), or to another claim (decide again).
            (var concurrentReplay, expiredVersion) = await LookUpAsync(host, idempotencyKey, requestHash, ct).ConfigureAwait(false);
            return concurrentReplay ?? Attempt<CreateBookingResult>.Conflict;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The event type at the client's chosen length and the client with their answers checked against its questions;
    /// null (and <paramref name="errors"/> filled) when the request does not fit the offer.
    /// </summary>
    internal static (EventType EventType, ClientDetails Client)? Offer(EventType offered, BookingRequest request, ValidationErrors errors)
    {
        var eventType = ChosenDuration.Apply(offered, request.DurationMinutes, errors);
        var (answerTexts, bookedAnswers) = AnswerRules.Check(offered.Questions, request.Answers, errors);
        return eventType is null || !errors.IsEmpty ? null : (eventType, request.Client with { Answers = answerTexts, QuestionAnswers = bookedAnswers });
    }

    /// <summary>True when <paramref name="email"/> already holds the capped number of upcoming confirmed bookings with the host.</summary>
    private async Task<bool> ClientCapReachedAsync(HostSlug host, string email, CancellationToken cancellationToken)
    {
        var cap = caps.ActiveBookingsPerClient;
        if (cap == 0)
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        var upcoming = new Interval(now, now + ClientCapHorizon);
        var held = 0;
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(host, upcoming, [BookingStatus.Confirmed], ClientCapPageSize, continuation, cancellationToken).ConfigureAwait(false);
            held += page.Bookings.Count(b => b.Start > now && string.Equals(b.Client.Email, email, StringComparison.OrdinalIgnoreCase));
            continuation = page.ContinuationToken;
        }
        while (held < cap && continuation is not null);

        return held >= cap;
    }

    /// <summary>
    /// The answer a live record of <paramref name="key"/> gives (the first result, or a mismatch); none for a new key
    /// or an expired record, whose version the new record must replace.
    /// </summary>
    internal async Task<(CreateBookingResult? Replay, string? ExpiredVersion)> LookUpAsync(HostSlug host, IdempotencyKey? key, string requestHash, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return (null, null);
        }

        var record = await store.FindIdempotencyAsync(host, key.StorageId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return (null, null);
        }

        if (record.IsExpiredAt(clock.GetCurrentInstant()))
        {
            return (null, record.Version);
        }

        if (!string.Equals(record.RequestHash, requestHash, StringComparison.Ordinal))
        {
            return (new CreateBookingResult.IdempotencyMismatch(), null);
        }

        var token = key.Unprotect(record.ProtectedManageToken);
        var booking = BookingId.TryParse(record.BookingId, out var id)
            ? await store.FindAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
        if (token is null || booking is null)
        {
            throw new InvalidOperationException("An idempotency record points to a booking that cannot be read.");
        }

        return (new CreateBookingResult.Created(booking.Value, token, Replayed: true), null);
    }
}

public abstract record CreateBookingResult
{
    private CreateBookingResult()
    {
    }

    /// <summary>The booking and its manage token; <paramref name="Replayed"/> when an idempotent retry returned the first result.</summary>
    public sealed record Created(Booking Booking, string ManageToken, bool Replayed) : CreateBookingResult;

    public sealed record Invalid(ValidationErrors Errors) : CreateBookingResult;

    public sealed record NotFound : CreateBookingResult;

    public sealed record SlotUnavailable : CreateBookingResult;

    public sealed record IdempotencyMismatch : CreateBookingResult;

    /// <summary>The event type is paid at booking time and the payment provider is not configured or did not answer; nothing was written.</summary>
    public sealed record PaymentUnavailable : CreateBookingResult;

    /// <summary>The client's email already holds <paramref name="Cap"/> upcoming bookings with this host.</summary>
    public sealed record ClientCapReached(int Cap) : CreateBookingResult;
}
