using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Schedly.AzureStorage.Notifications;
using Schedly.AzureStorage.Outbox;
using Schedly.AzureStorage.Webhooks;
using Schedly.Core.Notifications;
using Schedly.Core.Outbox;
using Schedly.Core.Webhooks;
using Schedly.Email;
using Schedly.Functions.Webhooks;

namespace Schedly.Functions.Composition;

/// <summary>
/// The outbox sweep, the fan-out of booking events, email and webhooks: ports, adapters and use cases.
/// Settings: <c>Schedly:Email</c> (see docs/EMAIL.md), <c>Schedly:Webhooks</c> (docs/WEBHOOKS.md) and
/// <c>Schedly:PublicBaseUrl</c> (<see cref="PublicUrlOptions"/>), each an options class validated at start-up.
/// </summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// What a relative <see cref="EmailOptions.PickupFolder"/> (the default <c>.schedly/mail</c>) is under:
    /// <c>{temp}/schedly</c>, never the app's content root. Under the Functions host (<c>func start</c>, Azure) the
    /// content root is the app's own folder, and the host's file watcher restarts the app when a file appears there.
    /// </summary>
    public static string PickupRoot { get; } = Path.Combine(Path.GetTempPath(), "schedly");

    public static IServiceCollection AddSchedlyNotifications(this IServiceCollection services)
    {
        services.AddValidatedOptions<EmailOptions>(EmailOptions.SectionName);
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.Section);
        services.AddValidatedOptions<PublicUrlOptions>(PublicUrlOptions.Section);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<WebhookOptions>>().Value);

        services.AddSingleton<IEmailSender>(provider => EmailSenderFactory.Create(
            provider.GetRequiredService<IOptions<EmailOptions>>().Value,
            PickupRoot));
        services.AddSingleton(provider => new NotificationSettings(
            EmailSenderFactory.From(provider.GetRequiredService<IOptions<EmailOptions>>().Value),
            provider.GetRequiredService<IOptions<PublicUrlOptions>>().Value.BaseUri));
        services.AddSingleton<BookingEmailRenderer>();

        services.AddSingleton<INotificationReader, StoreNotificationReader>();
        services.AddSingleton<IOutboxStore, TableOutboxStore>();
        services.AddSingleton<IOutboxQueue, QueueOutboxQueue>();
        services.AddSingleton<IEffectLedger, TableEffectLedger>();
        services.AddSingleton<INotificationQueue, QueueNotificationQueue>();
        services.AddSingleton<IEmailRetryQueue, QueueEmailRetryQueue>();
        services.AddSingleton<IWebhookStore, TableWebhookStore>();
        services.AddSingleton<IWebhookTransport, HttpWebhookTransport>();

        services.AddSingleton<CheckOutboxGuard>();
        services.AddSingleton<FanOutBookingEvent>();
        services.AddSingleton<SendBookingEmail>();
        services.AddSingleton<DeliverWebhook>();
        services.AddSingleton<Core.SignIn.SignInEmail>();
        services.AddSingleton<Core.SignIn.SendSignInLink>();
        services.AddSingleton<Core.SignIn.InviteHost>();
        services.AddSingleton<Core.SignIn.SignUpHost>();
        return services;
    }
}
