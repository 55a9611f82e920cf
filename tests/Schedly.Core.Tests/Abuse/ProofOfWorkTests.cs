using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Abuse;

namespace Schedly.Core.Tests.Abuse;

public sealed class ProofOfWorkTests
{
    private const string Secret = "a-server-secret-of-at-least-32-characters";

    [Fact]
    public async Task VerifyAsync_SolvedChallenge_IsAcceptedOnceThenReplayed()
    {
        var (sut, _, store) = CreateSut();
        var payload = ProofOfWorkSolver.Solve(sut.Create());

        Assert.Equal(ProofOfWorkVerdict.Accepted, await sut.VerifyAsync(payload, null, default));
        Assert.Equal(ProofOfWorkVerdict.Replayed, await sut.VerifyAsync(payload, null, default));
        Assert.Single(store.Claims);
    }

    [Fact]
    public async Task VerifyAsync_SameIdempotencyKey_MayReuseItsSolution_AnotherMayNot()
    {
        var (sut, _, _) = CreateSut();
        var payload = ProofOfWorkSolver.Solve(sut.Create());

        Assert.Equal(ProofOfWorkVerdict.Accepted, await sut.VerifyAsync(payload, "key-1", default));
        Assert.Equal(ProofOfWorkVerdict.Accepted, await sut.VerifyAsync(payload, "key-1", default));
        Assert.Equal(ProofOfWorkVerdict.Replayed, await sut.VerifyAsync(payload, "key-2", default));
        Assert.Equal(ProofOfWorkVerdict.Replayed, await sut.VerifyAsync(payload, null, default));
    }

    [Fact]
    public async Task VerifyAsync_AfterTheExpiry_IsExpiredAndNothingIsStored()
    {
        var (sut, clock, store) = CreateSut();
        var payload = ProofOfWorkSolver.Solve(sut.Create());
        clock.AdvanceSeconds(601);

        Assert.Equal(ProofOfWorkVerdict.Expired, await sut.VerifyAsync(payload, null, default));
        Assert.Empty(store.Claims);
    }

    [Fact]
    public async Task VerifyAsync_ChallengeOfAnotherServer_IsInvalid()
    {
        var (sut, _, _) = CreateSut();
        var (other, _, _) = CreateSut("another-server-secret-of-32-characters!!");

        Assert.Equal(ProofOfWorkVerdict.Invalid, await sut.VerifyAsync(ProofOfWorkSolver.Solve(other.Create()), null, default));
    }

    [Fact]
    public async Task VerifyAsync_ForgedParts_AreInvalid()
    {
        var (sut, _, store) = CreateSut();
        var challenge = sut.Create();
        var good = Decode(ProofOfWorkSolver.Solve(challenge)!);
        var laterSalt = challenge.Salt.Replace("?expires=", "?expires=9", StringComparison.Ordinal);

        foreach (var forged in new[]
        {
            good with { Number = good.Number + 1 },
            good with { Salt = laterSalt },
            good with { Signature = new string('0', 64) },
            good with { Algorithm = "SHA-1" },
            good with { Salt = challenge.Salt.TrimEnd('&') },
        })
        {
            Assert.Equal(ProofOfWorkVerdict.Invalid, await sut.VerifyAsync(ProofOfWorkSolver.Encode(forged), null, default));
        }

        Assert.Empty(store.Claims);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("WzEsMl0=")]
    public async Task VerifyAsync_NoPayloadOrGarbage_IsMissing(string? payload)
    {
        var (sut, _, _) = CreateSut();

        Assert.Equal(ProofOfWorkVerdict.Missing, await sut.VerifyAsync(payload, null, default));
    }

    [Fact]
    public void Create_SaltCarriesTheExpiryAndEndsTheParameters()
    {
        var (sut, clock, _) = CreateSut();

        var challenge = sut.Create();

        Assert.Equal("SHA-256", challenge.Algorithm);
        Assert.EndsWith($"?expires={(clock.GetCurrentInstant() + Duration.FromSeconds(600)).ToUnixTimeSeconds()}&", challenge.Salt, StringComparison.Ordinal);
        Assert.Equal(1000, challenge.MaxNumber);
    }

    [Fact]
    public void Validate_OutOfRange_NamesEachKey()
    {
        var errors = new ProofOfWorkOptions { MaxNumber = 1, ExpirySeconds = 0 }.Validate();

        Assert.Contains(errors, e => e.StartsWith("Schedly:ProofOfWork:MaxNumber", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Schedly:ProofOfWork:ExpirySeconds", StringComparison.Ordinal));
    }

    private static ProofOfWorkSolution Decode(string payload) =>
        System.Text.Json.JsonSerializer.Deserialize<ProofOfWorkSolution>(Convert.FromBase64String(payload), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

    private static (ProofOfWork Sut, FakeClock Clock, InMemoryReplayStore Store) CreateSut(string secret = Secret)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 1, 12, 0, 0));
        var store = new InMemoryReplayStore();
        return (new ProofOfWork(new ProofOfWorkOptions { MaxNumber = 1000 }, store, clock, secret), clock, store);
    }

    private sealed class InMemoryReplayStore : IProofOfWorkReplayStore
    {
        public Dictionary<string, string?> Claims { get; } = [];

        public Task<bool> TryClaimAsync(string challenge, Instant expires, string? claimant, CancellationToken cancellationToken)
        {
            if (Claims.TryGetValue(challenge, out var earlier))
            {
                return Task.FromResult(claimant is not null && earlier == claimant);
            }

            Claims[challenge] = claimant;
            return Task.FromResult(true);
        }
    }
}
