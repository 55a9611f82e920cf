using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Bookings;

public sealed class BookingListDraftTests
{
    private static readonly LocalDate Today = new(2026, 12, 1);

    [Fact]
    public void Validate_CommaSeparatedStatuses_AreAllWanted()
    {
        var query = new BookingListDraft(null, null, "pendingApproval, pendingPayment,pendingApproval", null, null).Validate(Today);

        Assert.True(query.IsValid);
        Assert.Equal([BookingStatus.PendingApproval, BookingStatus.PendingPayment], query.Value.Statuses);
    }

    [Fact]
    public void Validate_NoStatus_WantsAll() =>
        Assert.Empty(new BookingListDraft(null, null, null, null, null).Validate(Today).Value.Statuses);

    [Theory]
    [InlineData("pending")]
    [InlineData("confirmed,bogus")]
    [InlineData("Confirmed")]
    public void Validate_UnknownStatus_IsAStatusError(string status) =>
        Assert.Contains("status", new BookingListDraft(null, null, status, null, null).Validate(Today).Errors.ToDictionary().Keys);

    [Fact]
    public void Validate_EmailTooLongOrWithControlCharacters_IsAnEmailError()
    {
        Assert.Contains("email", new BookingListDraft(null, null, null, null, null, new string('a', 255)).Validate(Today).Errors.ToDictionary().Keys);
        Assert.Contains("email", new BookingListDraft(null, null, null, null, null, "a\u0001b").Validate(Today).Errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("grace@example.com", "Grace@Example.COM", true)]
    [InlineData("grace@example.com", "  grace ", true)]
    [InlineData("grace@example.com", "ada", false)]
    [InlineData("grace@example.com", "", true)]
    public void MatchesEmail_IsACaseInsensitivePartMatch(string clientEmail, string search, bool expected)
    {
        var query = new BookingListDraft(null, null, null, null, null, search).Validate(Today).Value;
        var booking = Sample.Booking() with { Client = Sample.Booking().Client with { Email = clientEmail } };

        Assert.Equal(expected, query.MatchesEmail(booking));
    }
}
