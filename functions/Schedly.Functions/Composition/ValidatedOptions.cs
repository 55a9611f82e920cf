using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Schedly.Core.Validation;

namespace Schedly.Functions.Composition;

/// <summary>
/// Registers options that check themselves: bound with <c>BindConfiguration</c>, validated by their own
/// <see cref="IValidatableOptions.Validate"/> through <see cref="IValidateOptions{TOptions}"/>, and validated on start.
/// When several options are wrong the host's start fails with every message at once: one
/// <see cref="OptionsValidationException"/> per options class listing all of its problems, several of them in an
/// <see cref="AggregateException"/>. (A value the binder cannot even convert, such as <c>Port=abc</c>, fails binding
/// first, with the binder's own message naming the key.)
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class, IValidatableOptions
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, OptionsSelfValidation<T>>());
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// Every validation message in a failed start (one <see cref="OptionsValidationException"/>, or several in an
    /// <see cref="AggregateException"/>), or null when <paramref name="exception"/> is something else.
    /// </summary>
    public static IReadOnlyList<string>? Failures(Exception exception) => exception switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate when aggregate.InnerExceptions.Select(Failures).ToList() is var inner && inner.All(f => f is not null) =>
            [.. inner.SelectMany(f => f!)],
        _ => null,
    };

}
