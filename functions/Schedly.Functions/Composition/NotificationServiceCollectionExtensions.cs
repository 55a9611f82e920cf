using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
/// <c>Schedly:PublicBaseUrl</c> (manage links in emails; default <c>http://127.0.0.1:7071</c>).
/// </summary>
public static class NotificationServiceCollectionExtensions
{
    public const string PublicBaseUrlKey = "Schedly:PublicBaseUrl";
    public const string DefaultPublicBaseUrl = "http://127.0.0.1:7071";

    public static IServiceCollection AddSchedlyNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.SectionName)
            .Validate(options => options.Validate().Count == 0, "Schedly:Email is invalid; see docs/EMAIL.md.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .Validate(
                options => options.RetryBaseDelaySeconds > 0 && options.MaxRetryDelaySeconds >= options.RetryBaseDelaySeconds
                    && options.MaxRetryDelaySeconds <= 6 * 24 * 3600 && options.TimeoutSeconds is > 0 and <= 120 && options.DisableAfterHours > 0,
                "Schedly:Webhooks is invalid: RetryBaseDelaySeconds > 0, MaxRetryDelaySeconds in [RetryBaseDelaySeconds, 6 days], TimeoutSeconds in (0, 120], DisableAfterHours > 0.")
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<WebhookOptions>>().Value);

        services.AddSingleton<IEmailSender>(provider => EmailSenderFactory.Create(
            provider.GetRequiredService<IOptions<EmailOptions>>().Value,
            provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory()));
        services.AddSingleton(provider =>
        {
            var baseUrl = configuration[PublicBaseUrlKey];
            return new NotificationSettings(
                EmailSenderFactory.From(provider.GetRequiredService<IOptions<EmailOptions>>().Value),
                new Uri(string.IsNullOrWhiteSpace(baseUrl) ? DefaultPublicBaseUrl : baseUrl, UriKind.Absolute));
        });
        services.AddSingleton<BookingEmailRenderer>();

        services.AddSingleton<INotificationReader, StoreNotificationReader>();
        services.AddSingleton<IOutboxStore, TableOutboxStore>();
        services.AddSingleton<IOutboxQueue, QueueOutboxQueue>();
        services.AddSingleton<IEffectLedger, TableEffectLedger>();
        services.AddSingleton<INotificationQueue, QueueNotificationQueue>();
        services.AddSingleton<IWebhookStore, TableWebhookStore>();
        services.AddSingleton<IWebhookTransport, HttpWebhookTransport>();

        services.AddSingleton<SweepOutbox>();
        services.AddSingleton<FanOutBookingEvent>();
        services.AddSingleton<SendBookingEmail>();
        services.AddSingleton<DeliverWebhook>();
        return services;
    }
}
