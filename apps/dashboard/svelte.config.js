/** Svelte compiler settings, read by the Vite plugin and by svelte-check. */
export default {
  compilerOptions: {
    // Svelte 5 runes everywhere: $props, $state, $derived (no legacy `export let`).
    runes: true,
  },
};
