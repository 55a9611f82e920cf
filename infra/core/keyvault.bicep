// Key Vault in RBAC mode holding the operator key. The secret value arrives as a secure parameter
// and never appears in an output: the app reads it through a Key Vault reference.
@description('Name of the Key Vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Location of the Key Vault.')
param location string

@description('Tags applied to the Key Vault.')
param tags object = {}

@description('Name of the secret that holds the operator key.')
param operatorKeySecretName string

@secure()
@description('The operator key (at least 32 characters).')
@minLength(32)
param operatorKey string

@description('Name of the secret that holds the manage-token secret.')
param manageTokenSecretName string

@secure()
@description('The secret booking manage tokens are derived from (at least 32 characters).')
@minLength(32)
param manageTokenSecret string

@description('Name of the secret that holds the Stripe secret key.')
param stripeKeySecretName string

@secure()
@description('The Stripe secret key; empty: payments off, no Stripe secrets are stored.')
param stripeSecretKey string = ''

@description('Name of the secret that holds the Stripe webhook signing secret.')
param stripeWebhookSecretName string

@secure()
@description('The Stripe webhook signing secret (stored with the key).')
param stripeWebhookSecret string = ''

@description('True: purge protection on (a deleted vault or secret cannot be purged before its retention ends; cannot be turned off again). False (default): off, so a test environment can be deleted and recreated at once.')
param enablePurgeProtection bool = false

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // Key Vault accepts true or absent, never false.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource operatorKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: operatorKeySecretName
  properties: {
    value: operatorKey
    contentType: 'text/plain'
  }
}

resource manageTokenSecretResource 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: manageTokenSecretName
  properties: {
    value: manageTokenSecret
    contentType: 'text/plain'
  }
}

resource stripeSecretKeyResource 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(stripeSecretKey)) {
  parent: vault
  name: stripeKeySecretName
  properties: {
    value: stripeSecretKey
    contentType: 'text/plain'
  }
}

resource stripeWebhookSecretResource 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(stripeSecretKey)) {
  parent: vault
  name: stripeWebhookSecretName
  properties: {
    value: stripeWebhookSecret
    contentType: 'text/plain'
  }
}

output id string = vault.id
output name string = vault.name
output endpoint string = vault.properties.vaultUri
output operatorKeySecretName string = operatorKeySecret.name
output manageTokenSecretName string = manageTokenSecretResource.name
@description('Versioned URI: a new key (new version) changes the app setting, so the app restarts on it at once.')
output operatorKeySecretUriWithVersion string = operatorKeySecret.properties.secretUriWithVersion
output manageTokenSecretUriWithVersion string = manageTokenSecretResource.properties.secretUriWithVersion
@description('Versioned URI of the Stripe secret key; empty when payments are off.')
output stripeKeySecretUri string = stripeSecretKeyResource.?properties.secretUriWithVersion ?? ''
@description('Versioned URI of the Stripe webhook signing secret; empty when payments are off.')
output stripeWebhookSecretUri string = stripeWebhookSecretResource.?properties.secretUriWithVersion ?? ''
