using System.Net;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using Schedly.Core.Reminders;
using Schedly.IntegrationTests.Infrastructure;
using Schedly.IntegrationTests.Notifications;

namespace Schedly.IntegrationTests.Teams;

/// <summary>
/// A collective booking of three members through HTTP on Azurite, then what the notification pipeline put in the
/// pickup folder: the client hears once (the lead's booking, naming every host), each member hears about their own.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class CollectiveMailTests(SchedlyAppFixture app)
{
    private static readonly string[] Names = ["Ada Lovelace", "Alan Turing", "Katherine Johnson"];

    private readonly TestTeams _teams = new(app);
    private readonly NotificationHarness _mail = new(app);

    [Fact]
    public async Task Collective_ClientGetsOneConfirmationNamingEveryHost_EachMemberTheirOwn_AndOneReminderPerOffset()
    {
        var members = await _teams.MembersAsync(Names, "mail");
        var team = await _teams.CreateAsync(members.Select(m => m.Slug), "mailteam");
        var day = TestHosts.Today.AddDays(5);
        var start = $"{day:yyyy-MM-dd}T13:00:00Z";
        var byLeadOrder = members.Select((m, i) => (m.Slug, m.ApiKey, Name: Names[i])).OrderBy(m => m.Slug, StringComparer.Ordinal).ToList();
        var expectedHosts = $"{byLeadOrder[0].Name}, {byLeadOrder[1].Name} and {byLeadOrder[2].Name}";

        using var booked = await _teams.BookAsync(team, "together", start, idempotencyKey: "mail-all-of-us");

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var body = await booked.ReadJsonAsync();
        var leadId = body.GetProperty("id").GetString()!;
        var token = body.GetProperty("manageToken").GetString()!;
        var ids = new List<string>();
        foreach (var (slug, key, _) in byLeadOrder)
        {
            ids.Add(Assert.Single(await _teams.HostBookingsAsync(slug, key, day)).GetProperty("id").GetString()!);
        }

        Assert.Equal(ids[0], leadId); // the 201 is the lead's booking: the first member by ordinal slug
        Assert.True(await _mail.MailArrivesAsync(leadId, "created", "client", 0), "no client confirmation");
        foreach (var id in ids)
        {
            Assert.True(await _mail.MailArrivesAsync(id, "created", "host", 0), $"no host notice for {id}");
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a second client confirmation, were one sent
        Assert.Equal([$"{leadId}.created.client.0.eml", $"{leadId}.created.host.0.eml"], _mail.MailFor(leadId));
        Assert.Equal([$"{ids[1]}.created.host.0.eml"], _mail.MailFor(ids[1]));
        Assert.Equal([$"{ids[2]}.created.host.0.eml"], _mail.MailFor(ids[2]));

        var (client, invite) = await NotificationHarness.ReadMailAsync(_mail.MailPath(leadId, "created", "client", 0));
        Assert.Equal("grace@example.com", client.To.Mailboxes.Single().Address);
        Assert.StartsWith($"Confirmed: Advice with {expectedHosts}, ", client.Subject, StringComparison.Ordinal);
        var clientEvent = Assert.Single(invite.Events);
        Assert.Equal($"Advice with {expectedHosts}", clientEvent.Summary);
        Assert.Equal(
            ["mailto:grace@example.com", .. byLeadOrder.Skip(1).Select(m => $"mailto:{Email(m.Name)}")],
            clientEvent.Attendees.Select(a => a.Value!.ToString()));
        Assert.Equal($"mailto:{Email(byLeadOrder[0].Name)}", clientEvent.Organizer!.Value!.ToString());

        var (member, _) = await NotificationHarness.ReadMailAsync(_mail.MailPath(ids[2], "created", "host", 0));
        Assert.Equal(Email(byLeadOrder[2].Name), member.To.Mailboxes.Single().Address);
        Assert.Contains($"Team booking, together with {byLeadOrder[0].Name} and {byLeadOrder[1].Name}.", member.TextBody, StringComparison.Ordinal);

        // The lead's .ics download lists every host too.
        using var ics = await app.Client.GetAsync($"/api/bookings/{leadId}/calendar.ics?token={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        var download = Assert.Single(Calendar.Load(await ics.Content.ReadAsStringAsync())!.Events);
        Assert.Equal($"Advice with {expectedHosts}", download.Summary);
        Assert.Equal(3, download.Attendees.Count);

        // Reminders (1440 and 60 minutes before, the defaults): each member's host is reminded, the client once per offset.
        var reminders = app.Runner.Services.GetRequiredService<SendDueReminders>();
        var asOf = InstantPattern.ExtendedIso.Parse(start).Value - Duration.FromMinutes(59);
        foreach (var (slug, _, _) in byLeadOrder)
        {
            Assert.Equal(2, (await reminders.ExecuteAsync(new HostReminderWork(slug, asOf), CancellationToken.None)).Sent);
        }

        foreach (var id in ids)
        {
            Assert.True(await NotificationHarness.EventuallyAsync(() => Reminders(id, "host").Length == 2), $"host reminders of {id}: {string.Join(", ", Reminders(id, "host"))}");
        }

        Assert.True(await NotificationHarness.EventuallyAsync(() => Reminders(leadId, "client").Length == 2), "the client's two reminders");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for more client reminders, were they queued
        Assert.Equal([$"{leadId}.reminder.client.0.r1440.eml", $"{leadId}.reminder.client.0.r60.eml"], Reminders(leadId, "client"));
        Assert.Empty(Reminders(ids[1], "client"));
        Assert.Empty(Reminders(ids[2], "client"));
    }

    [Fact]
    public async Task CollectiveCancelledAsAWhole_ClientToldOnce_EachMemberAboutTheirOwn()
    {
        var members = await _teams.MembersAsync(Names, "cxmail");
        var team = await _teams.CreateAsync(members.Select(m => m.Slug), "cxteam");
        var day = TestHosts.Today.AddDays(6);
        using var booked = await _teams.BookAsync(team, "together", $"{day:yyyy-MM-dd}T14:00:00Z");
        var body = await booked.ReadJsonAsync();
        var leadId = body.GetProperty("id").GetString()!;
        var ids = new List<string>();
        foreach (var (slug, key) in members)
        {
            ids.Add(Assert.Single(await _teams.HostBookingsAsync(slug, key, day)).GetProperty("id").GetString()!);
        }

        using var cancel = await app.Client.SendAsync(HttpExtensions.Json(HttpMethod.Post, $"/api/bookings/{leadId}/cancel", new { reason = "Plans changed" })
            .WithBearer(body.GetProperty("manageToken").GetString()!));

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        foreach (var id in ids)
        {
            Assert.True(await NotificationHarness.EventuallyAsync(() => Cancelled(id, "host").Length == 1), $"no host cancellation for {id}");
        }

        Assert.True(await NotificationHarness.EventuallyAsync(() => Cancelled(leadId, "client").Length == 1), "no client cancellation");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a second client cancellation, were one sent
        Assert.Single(ids.SelectMany(id => Cancelled(id, "client")));
    }

    private string[] Cancelled(string bookingId, string recipient) =>
        [.. _mail.MailFor(bookingId).Where(f => f.StartsWith($"{bookingId}.cancelled.{recipient}.", StringComparison.Ordinal))];

    private static string Email(string name) => name.Split(' ')[0].ToLowerInvariant() + "@example.org";

    private string[] Reminders(string bookingId, string recipient) =>
        [.. _mail.MailFor(bookingId).Where(f => f.StartsWith($"{bookingId}.reminder.{recipient}.", StringComparison.Ordinal))];
}
