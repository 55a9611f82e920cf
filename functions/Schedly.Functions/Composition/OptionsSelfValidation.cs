using Microsoft.Extensions.Options;
using Schedly.Core.Validation;

namespace Schedly.Functions.Composition;

/// <summary>The problems <see cref="IValidatableOptions.Validate"/> lists, as an options validation result.</summary>
public sealed class OptionsSelfValidation<T> : IValidateOptions<T>
    where T : class, IValidatableOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
