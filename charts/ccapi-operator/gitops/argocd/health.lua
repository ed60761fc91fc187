-- Argo CD health check for every ccapi.io kind (CcApp, CcAgent, CcQueue, CcExtension, CcSubscription, CcIvr).
-- Reads the kstatus conditions the operator writes (Ready, Reconciling, Stalled) and observedGeneration.
-- Installed as resource.customizations.health.ccapi.io_<Kind> in argocd-cm; see docs/gitops.md.
local hs = {}

local function condition(conditions, type)
  for _, c in ipairs(conditions) do
    if c.type == type then
      return c
    end
  end
  return nil
end

local function text(c, fallback)
  if c.message ~= nil and c.message ~= "" then
    return c.message
  end
  if c.reason ~= nil and c.reason ~= "" then
    return c.reason
  end
  return fallback
end

if obj.status == nil or obj.status.conditions == nil or #obj.status.conditions == 0 then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator: no status yet"
  return hs
end

local generation = obj.metadata.generation
if generation ~= nil and (obj.status.observedGeneration == nil or obj.status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator: generation " .. tostring(generation) .. " not observed yet"
  return hs
end

local conditions = obj.status.conditions
local stalled = condition(conditions, "Stalled")
if stalled ~= nil and stalled.status == "True" then
  hs.status = "Degraded"
  hs.message = text(stalled, "Stalled")
  return hs
end

local reconciling = condition(conditions, "Reconciling")
if reconciling ~= nil and reconciling.status == "True" then
  hs.status = "Progressing"
  hs.message = text(reconciling, "Reconciling")
  return hs
end

local ready = condition(conditions, "Ready")
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = text(ready, "Ready")
  return hs
end

if ready ~= nil and ready.reason == "Paused" then
  hs.status = "Suspended"
  hs.message = text(ready, "Paused")
  return hs
end

hs.status = "Progressing"
if ready ~= nil then
  hs.message = text(ready, "Waiting for the operator")
else
  hs.message = "Waiting for the operator: no Ready condition"
end
return hs
