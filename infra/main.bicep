// Schedly on Azure: `azd up` provisions this file (subscription scope) and deploys the Functions app.
// Everything the app needs is reached with one user-assigned managed identity; no app setting holds
// a key, a password or a connection string. See docs/DEPLOY.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds the resource names and the resource group name.')
param environmentName string

@minLength(1)
@description('Region of every regional resource; it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional object id of the person or pipeline running azd (AZURE_PRINCIPAL_ID): granted read access to the operator key secret.')
param principalId string = ''

@description('Type of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@secure()
@description('Operator key to store in Key Vault. Leave empty (the default) to use a key generated at deploy time; set it with `azd env set SCHEDLY_OPERATOR_KEY` to keep one key across provisions.')
param operatorKey string = ''

@secure()
@description('Secret the booking manage tokens (and so the manage links in emails) are derived from. Set it once with `azd env set SCHEDLY_MANAGE_TOKEN_SECRET`; left empty, each provision generates a new one and links in earlier emails stop working.')
param manageTokenSecret string = ''

@secure()
@description('Do not set: a 72-character secret generated at deploy time, used when manageTokenSecret is empty.')
param generatedManageTokenSecret string = '${newGuid()}${newGuid()}'

@secure()
@description('Do not set: a 72-character key generated at deploy time, used when operatorKey is empty.')
param generatedOperatorKey string = '${newGuid()}${newGuid()}'

@secure()
@description('Stripe secret key (sk_live_… or sk_test_…), stored in Key Vault; `azd env set SCHEDLY_STRIPE_SECRET_KEY`. Empty (default): payments off (docs/PAYMENTS.md).')
param stripeSecretKey string = ''

@secure()
@description('Signing secret (whsec_…) of the Stripe webhook endpoint https://<app>/api/payments/stripe/webhook, stored in Key Vault; `azd env set SCHEDLY_STRIPE_WEBHOOK_SECRET`. Required with stripeSecretKey.')
param stripeWebhookSecret string = ''

@description('Key Vault purge protection (SCHEDLY_KEYVAULT_PURGE_PROTECTION): true for production; once on it cannot be turned off, and a deleted vault keeps its name for the retention period.')
param keyVaultPurgeProtection bool = false

@description('Where Communication Services keeps data at rest.')
@allowed([
  'Africa'
  'Asia Pacific'
  'Australia'
  'Brazil'
  'Canada'
  'Europe'
  'France'
  'Germany'
  'India'
  'Japan'
  'Korea'
  'Norway'
  'Switzerland'
  'UAE'
  'UK'
  'United States'
])
param emailDataLocation string = 'United States'

@description('Optional resource group name; default rg-<environmentName>.')
param resourceGroupName string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// Names are computed here, not read back from module outputs, so What-If can predict every
// resource id (and the role assignment names) before deployment.
var names = {
  identity: 'id-${resourceToken}'
  storage: 'st${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  communicationService: 'acs-${resourceToken}'
  emailService: 'ecs-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
}
var deploymentContainerName = 'app-package-${resourceToken}'
var operatorKeySecretName = 'schedly-operator-key'
var stripeKeySecretName = 'schedly-stripe-secret-key'
var stripeWebhookSecretName = 'schedly-stripe-webhook-secret'
var manageTokenSecretName = 'schedly-manage-token-secret'

resource rg 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module keyVault 'core/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    operatorKeySecretName: operatorKeySecretName
    operatorKey: !empty(operatorKey) ? operatorKey : generatedOperatorKey
    manageTokenSecretName: manageTokenSecretName
    manageTokenSecret: !empty(manageTokenSecret) ? manageTokenSecret : generatedManageTokenSecret
    enablePurgeProtection: keyVaultPurgeProtection
    stripeKeySecretName: stripeKeySecretName
    stripeSecretKey: stripeSecretKey
    stripeWebhookSecretName: stripeWebhookSecretName
    stripeWebhookSecret: stripeWebhookSecret
  }
}

module communication 'core/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    communicationServiceName: names.communicationService
    emailServiceName: names.emailService
    dataLocation: emailDataLocation
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  dependsOn: [
    storage
    monitoring
    keyVault
    communication
  ]
  params: {
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    keyVaultName: names.keyVault
    communicationServiceName: names.communicationService
    operatorKeySecretName: operatorKeySecretName
    manageTokenSecretName: manageTokenSecretName
    stripeSecretNames: empty(stripeSecretKey) ? [] : [stripeKeySecretName, stripeWebhookSecretName]
    identityName: names.identity
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  // The roles first: the host reaches storage and resolves the Key Vault reference as it starts.
  dependsOn: [
    rbac
  ]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    operatorKeySecretUri: keyVault.outputs.operatorKeySecretUriWithVersion
    manageTokenSecretUri: keyVault.outputs.manageTokenSecretUriWithVersion
    stripeKeySecretUri: keyVault.outputs.stripeKeySecretUri
    stripeWebhookSecretUri: keyVault.outputs.stripeWebhookSecretUri
    emailEndpoint: communication.outputs.endpoint
    emailSender: communication.outputs.sender
  }
}

// Outputs azd stores in .azure/<env>/.env. None of them is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
output SCHEDLY_OPERATOR_KEY_SECRET_NAME string = keyVault.outputs.operatorKeySecretName
output AZURE_COMMUNICATION_SERVICES_ENDPOINT string = communication.outputs.endpoint
output AZURE_EMAIL_SERVICE_NAME string = names.emailService
output SCHEDLY_EMAIL_SENDER string = communication.outputs.sender
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
