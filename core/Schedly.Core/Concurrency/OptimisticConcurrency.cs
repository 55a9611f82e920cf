namespace Schedly.Core.Concurrency;

/// <summary>
/// The one read-decide-conditional-write loop of every use case that changes stored state: each attempt reads
/// what it needs, decides, and writes conditionally on the versions it read. An attempt that lost a race says
/// <see cref="Attempt{T}.Conflict"/> and the next attempt starts from a fresh read; an attempt that reached an
/// answer (a success or a refusal) ends the loop. After <see cref="MaxAttempts"/> conflicts in a row the change
/// gives up with <see cref="ConcurrencyConflictException"/>.
/// </summary>
public static class OptimisticConcurrency
{
    /// <summary>
    /// Attempts per change. Each conflict means another writer committed in between, so eight in a row only
    /// happen under a storm of writes to the same rows; the client then retries the request.
    /// </summary>
    public const int MaxAttempts = 8;

    /// <summary>Runs <paramref name="attempt"/> until it returns an answer, at most <see cref="MaxAttempts"/> times.</summary>
    /// <param name="change">What is being changed, for the give-up message (no personal data).</param>
    /// <param name="attempt">One read-decide-write pass.</param>
    /// <param name="cancellationToken">Passed to each attempt.</param>
    public static async Task<T> RunAsync<T>(string change, Func<CancellationToken, Task<Attempt<T>>> attempt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(change);
        ArgumentNullException.ThrowIfNull(attempt);
        for (var i = 0; i < MaxAttempts; i++)
        {
            var outcome = await attempt(cancellationToken).ConfigureAwait(false);
            if (outcome.HasAnswer)
            {
                return outcome.Answer;
            }
        }

        throw new ConcurrencyConflictException($"{change} kept conflicting for {MaxAttempts} attempts.");
    }
}

/// <summary>The outcome of one attempt: an answer, or a lost race (<see cref="Conflict"/>) to retry from a fresh read.</summary>
public readonly record struct Attempt<T>
{
    private Attempt(T answer)
    {
        Answer = answer;
        HasAnswer = true;
    }

    /// <summary>Someone else wrote first: read again and decide again.</summary>
    public static Attempt<T> Conflict => default;

    /// <summary>False for <see cref="Conflict"/>.</summary>
    public bool HasAnswer { get; }

    /// <summary>The answer when <see cref="HasAnswer"/>.</summary>
    public T Answer { get; } = default!;

    public static Attempt<T> Done(T answer) => new(answer);

    public static implicit operator Attempt<T>(T answer) => new(answer);
}
